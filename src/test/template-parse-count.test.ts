import { createHandler, Get, Param, Post } from '../index';
import { RouteKeys } from '../local/route-keys';
import { buildOpenApiDocument } from '../openapi/build-document';
import { parsePathTemplate } from '../routing/path-pattern';
import { servedRoutesOf } from '../routing/served-routes';

jest.mock('../routing/path-pattern', () => {
  const actual =
    jest.requireActual<typeof import('../routing/path-pattern')>('../routing/path-pattern');
  return { ...actual, parsePathTemplate: jest.fn(actual.parsePathTemplate) };
});

class Users {
  @Get('/users') list() {}
  @Post('/users/') create() {}
  @Get('/users/{id}') get(@Param('id') id: string) {
    return id;
  }
  @Get('/files/{path+}') file(@Param('path') path: string) {
    return path;
  }
}

describe('a route template', () => {
  it('is parsed once per route: by the table, then read by the matcher, OpenAPI and the local server', async () => {
    // Prepare
    const parse = jest.mocked(parsePathTemplate);
    parse.mockClear();

    // Act
    const handler = createHandler(Users, { accessLog: false });
    const document = buildOpenApiDocument(handler, { title: 'Users', version: '1' });
    const routes = servedRoutesOf(handler)?.routes ?? [];
    const keys = new RouteKeys(
      routes.map(({ method, path, segments }) => ({ method, path, segments })),
    );

    // Assess
    expect(parse.mock.calls).toEqual([
      ['/users'],
      ['/users/'],
      ['/users/{id}'],
      ['/files/{path+}'],
    ]);
    expect(Object.keys(document.paths)).toEqual(['/users', '/users/{id}', '/files/{path}']);
    expect(keys.match('GET', '/files/a/b')).toEqual({
      routeKey: 'GET /files/{path+}',
      pathParameters: { path: 'a/b' },
    });
  });
});
