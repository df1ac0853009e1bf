import { RouteMatcher, splitRequestPath } from './matcher';
import { parsePathTemplate } from './path-pattern';

function matcherWith(routes: ReadonlyArray<readonly [string, string]>): RouteMatcher<string> {
  const matcher = new RouteMatcher<string>();
  for (const [method, template] of routes)
    matcher.add(method, parsePathTemplate(template), `${method} ${template}`);
  return matcher;
}

describe('splitRequestPath', () => {
  it('C9: decodes each segment after splitting, so an encoded slash stays inside its segment', () => {
    expect(splitRequestPath('/users/a%2Fb')).toEqual(['users', 'a/b']);
  });

  it('keeps a malformed escape as text', () => {
    expect(splitRequestPath('/users/%E0%A4%A')).toEqual(['users', '%E0%A4%A']);
  });
});

describe('RouteMatcher', () => {
  it('binds parameters by name', () => {
    // Prepare
    const matcher = matcherWith([['GET', '/users/{id}/posts/{postId}']]);

    // Act
    const result = matcher.match('GET', '/users/7/posts/9');

    // Assess
    expect(result).toEqual({
      kind: 'found',
      value: 'GET /users/{id}/posts/{postId}',
      params: { id: '7', postId: '9' },
    });
  });

  it('C56: prefers a static segment over a parameter whatever the declaration order', () => {
    const matcher = matcherWith([
      ['GET', '/users/{id}'],
      ['GET', '/users/me'],
      ['GET', '/users/{path+}'],
    ]);
    expect(matcher.match('GET', '/users/me')).toMatchObject({ value: 'GET /users/me' });
    expect(matcher.match('GET', '/users/42')).toMatchObject({ value: 'GET /users/{id}' });
    expect(matcher.match('GET', '/users/42/x')).toMatchObject({
      value: 'GET /users/{path+}',
      params: { path: '42/x' },
    });
  });

  it('backtracks from a static branch that dead-ends to a parameter branch', () => {
    const matcher = matcherWith([
      ['GET', '/users/me'],
      ['GET', '/users/{id}/posts'],
    ]);
    expect(matcher.match('GET', '/users/me/posts')).toMatchObject({
      value: 'GET /users/{id}/posts',
      params: { id: 'me' },
    });
  });

  it('C57: a greedy parameter takes every remaining segment and needs at least one', () => {
    const matcher = matcherWith([['GET', '/files/{path+}']]);
    expect(matcher.match('GET', '/files/a/b/c')).toMatchObject({ params: { path: 'a/b/c' } });
    expect(matcher.match('GET', '/files')).toEqual({ kind: 'not-found' });
    expect(matcher.match('GET', '/files/')).toEqual({ kind: 'not-found' });
  });

  it('C58: matches a request path with one trailing slash; the root stays the root', () => {
    const matcher = matcherWith([
      ['GET', '/users'],
      ['GET', '/'],
    ]);
    expect(matcher.match('GET', '/users/')).toMatchObject({ kind: 'found', value: 'GET /users' });
    expect(matcher.match('GET', '/')).toMatchObject({ kind: 'found', value: 'GET /' });
    expect(matcher.match('GET', '/users//')).toEqual({ kind: 'not-found' });
  });

  it('C59: is case-sensitive', () => {
    const matcher = matcherWith([['GET', '/users']]);
    expect(matcher.match('GET', '/Users')).toEqual({ kind: 'not-found' });
  });

  it('C60: reports the allowed methods of a known path, with HEAD for GET and OPTIONS', () => {
    const matcher = matcherWith([
      ['GET', '/users/{id}'],
      ['DELETE', '/users/{id}'],
      ['PUT', '/users/me'],
    ]);
    expect(matcher.match('POST', '/users/me')).toEqual({
      kind: 'method-not-allowed',
      allow: ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PUT'],
    });
  });

  it('C60: counts greedy routes among the allowed methods', () => {
    const matcher = matcherWith([
      ['GET', '/files/{path+}'],
      ['PUT', '/files/{name}'],
    ]);
    expect(matcher.match('DELETE', '/files/a')).toEqual({
      kind: 'method-not-allowed',
      allow: ['GET', 'HEAD', 'OPTIONS', 'PUT'],
    });
  });

  it('C61: serves HEAD from the GET route unless a HEAD route exists', () => {
    const matcher = matcherWith([
      ['GET', '/a'],
      ['GET', '/b'],
      ['HEAD', '/b'],
    ]);
    expect(matcher.match('HEAD', '/a')).toMatchObject({ value: 'GET /a' });
    expect(matcher.match('HEAD', '/b')).toMatchObject({ value: 'HEAD /b' });
  });

  it('does not find prototype members for segments like __proto__ or constructor', () => {
    const matcher = matcherWith([['GET', '/a']]);
    expect(matcher.match('GET', '/__proto__')).toEqual({ kind: 'not-found' });
    expect(matcher.match('GET', '/constructor')).toEqual({ kind: 'not-found' });
  });

  it('does not bind an empty segment to a parameter', () => {
    const matcher = matcherWith([['GET', '/users/{id}/x']]);
    expect(matcher.match('GET', '/users//x')).toEqual({ kind: 'not-found' });
  });

  it('returns the value already registered for the same method and shape', () => {
    const matcher = new RouteMatcher<string>();
    expect(matcher.add('GET', parsePathTemplate('/users/{id}'), 'first')).toBeUndefined();
    expect(matcher.add('GET', parsePathTemplate('/users/{userId}'), 'second')).toBe('first');
    expect(matcher.add('POST', parsePathTemplate('/users/{userId}'), 'third')).toBeUndefined();
  });
});
