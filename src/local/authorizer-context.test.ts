import { jwtAuthorizerContext } from './authorizer-context';

describe('jwtAuthorizerContext', () => {
  it('writes every claim as a string, lists as "[a b]", as API Gateway does', () => {
    // Act
    const { claims } = jwtAuthorizerContext({
      sub: 'u-1',
      exp: 1767225600,
      email_verified: true,
      'cognito:groups': ['admins', 'editors'],
      aud: ['one'],
      address: { country: 'FR' },
    });

    // Assess
    expect(claims).toEqual({
      sub: 'u-1',
      exp: '1767225600',
      email_verified: 'true',
      'cognito:groups': '[admins editors]',
      aud: '[one]',
      address: '{"country":"FR"}',
    });
  });

  it.each([
    ['users/write', ['users/write']],
    ['users/write  users/read', ['users/write', 'users/read']],
  ])('splits the scope claim %j on spaces into scopes', (scope, scopes) => {
    expect(jwtAuthorizerContext({ sub: 'u-1', scope }).scopes).toEqual(scopes);
  });

  it.each([[{ sub: 'u-1' }], [{ sub: 'u-1', scope: '' }]])(
    'gives null scopes to a token without any: %j',
    (payload) => {
      expect(jwtAuthorizerContext(payload).scopes).toBeNull();
    },
  );
});
