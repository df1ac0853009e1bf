import { parsePathTemplate } from '../routing/path-pattern';
import { RouteKeys } from './route-keys';

// As the route table hands them over: the template with its segments.
const key = (method: string, path: string) => ({ method, path, segments: parsePathTemplate(path) });

const keys = new RouteKeys([
  key('POST', '/users'),
  key('GET', '/users/{id}'),
  key('GET', '/users/me'),
  key('GET', '/files/{path+}'),
  key('GET', '/'),
]);

describe('RouteKeys', () => {
  it.each([
    ['POST', '/users', 'POST /users', undefined],
    ['GET', '/users/42', 'GET /users/{id}', { id: '42' }],
    ['GET', '/users/me', 'GET /users/me', undefined],
    ['GET', '/files/a/b c.txt', 'GET /files/{path+}', { path: 'a/b c.txt' }],
    ['GET', '/users/100%', 'GET /users/{id}', { id: '100%' }],
    ['GET', '/', 'GET /', undefined],
  ])('matches %s %s to %s with %j', (method, path, routeKey, pathParameters) => {
    expect(keys.match(method, path)).toEqual({ routeKey, pathParameters });
  });

  it.each([
    ['GET', '/nowhere'],
    ['DELETE', '/users/42'],
    ['HEAD', '/users/42'],
  ])('sends %s %s to the $default route', (method, path) => {
    expect(keys.match(method, path)).toBeUndefined();
  });

  it('lists the routes with their methods aligned', () => {
    expect(keys.describe()).toEqual([
      'POST /users',
      'GET  /users/{id}',
      'GET  /users/me',
      'GET  /files/{path+}',
      'GET  /',
    ]);
  });
});
