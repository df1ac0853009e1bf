import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectEventSource } from '../events/detect';
import type { LambdaHttpRequest } from '../http/request';
import { lambdaContext } from '../test/support/lambda-context';
import { principalOf } from './principal';

const FIXTURES = join(__dirname, '../test/fixtures/events');

/** A fixture event, as a fresh mutable object. */
function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** The request the handler would build for `event`. */
function requestOf(event: unknown): LambdaHttpRequest {
  return detectEventSource(event).toRequest(event, lambdaContext(), { basePath: undefined });
}

function principalFrom(name: string): ReturnType<typeof principalOf> {
  return principalOf(requestOf(fixture(name)));
}

/** Replaces `requestContext.authorizer` of a fixture. */
function withAuthorizer(name: string, authorizer: unknown): Record<string, unknown> {
  const event = fixture(name);
  (event['requestContext'] as Record<string, unknown>)['authorizer'] = authorizer;
  return event;
}

describe('principalOf, HTTP API JWT authorizers', () => {
  it('C97: reads payload 2.0 claims, scopes, and groups from the bracketed string', () => {
    const principal = principalFrom('apigw-http/jwt-authorizer');

    expect(principal).toEqual({
      source: 'jwt',
      subject: '7d8ca528-4931-4254-9273-ea5ee853f271',
      claims: expect.objectContaining({
        'cognito:groups': '[admin editors]',
        exp: '1583352238',
        username: 'jane',
      }),
      scopes: ['users/read', 'users/write'],
      groups: ['admin', 'editors'],
      context: {},
    });
  });

  it('C97: reads the AWS sample, whose scopes and claims are placeholders', () => {
    expect(principalFrom('apigw-http/aws-sample')).toEqual({
      source: 'jwt',
      claims: { claim1: 'value1', claim2: 'value2' },
      scopes: ['scope1', 'scope2'],
      groups: [],
      context: {},
    });
  });

  it('C97: gives no scopes for an ID token, whose scopes are null', () => {
    const principal = principalFrom('apigw-http/jwt-authorizer-id-token');

    expect(principal?.scopes).toEqual([]);
    expect(principal?.claims['email']).toBe('jane@example.com');
    expect(principal?.groups).toEqual(['admin', 'editors']);
  });

  it.each([
    ['[admin]', ['admin']],
    ['[]', []],
    ['[a  b c]', ['a', 'b', 'c']],
  ])('C97: reads the groups claim %j', (groups, expected) => {
    const event = withAuthorizer('apigw-http/aws-sample', {
      jwt: { claims: { sub: 'u', 'cognito:groups': groups }, scopes: null },
    });

    expect(principalOf(requestOf(event))?.groups).toEqual(expected);
  });

  it('C98: reads payload 1.0 claims and scopes one level up', () => {
    const principal = principalFrom('apigw-rest/http-api-v1-jwt-authorizer');

    expect(principal).toEqual({
      source: 'jwt',
      subject: '7d8ca528-4931-4254-9273-ea5ee853f271',
      claims: expect.objectContaining({ username: 'jane' }),
      scopes: ['users/read', 'users/write'],
      groups: ['admin', 'editors'],
      context: {},
    });
  });

  it('C98: gives no principal for the payload 1.0 sample, whose claims and scopes are null', () => {
    expect(principalFrom('apigw-rest/http-api-v1')).toBeUndefined();
  });
});

describe('principalOf, Lambda authorizers', () => {
  it('C99: gives an HTTP API Lambda authorizer its context', () => {
    expect(principalFrom('apigw-http/lambda-authorizer')).toEqual({
      source: 'lambda-authorizer',
      claims: {},
      scopes: [],
      groups: [],
      context: { exampleKey1: 'exampleValue1', exampleKey2: 'exampleValue2' },
    });
  });

  it('C99: gives an empty context when the authorizer returned none (null)', () => {
    expect(principalFrom('apigw-http/lambda-authorizer-no-context')).toEqual({
      source: 'lambda-authorizer',
      claims: {},
      scopes: [],
      groups: [],
      context: {},
    });
  });

  it('C102: gives a REST API Lambda authorizer its principalId and flat context', () => {
    expect(principalFrom('apigw-rest/lambda-authorizer')).toEqual({
      source: 'lambda-authorizer',
      subject: 'user|a1b2c3d4',
      claims: {},
      scopes: [],
      groups: [],
      context: { stringKey: 'value', numberKey: 1, booleanKey: true },
    });
  });

  it('C102: gives no principal for an empty principalId', () => {
    const event = withAuthorizer('apigw-rest/aws-sample', { principalId: '', key: 'v' });

    expect(principalOf(requestOf(event))).toBeUndefined();
  });
});

describe('principalOf, IAM authorization', () => {
  it.each([
    ['an HTTP API route', 'apigw-http/iam-authorizer'],
    ['a function URL with AWS_IAM', 'function-url/aws-sample'],
  ])('C100: names the caller of %s by its ARN', (_label, name) => {
    const principal = principalFrom(name);

    expect(principal).toEqual({
      source: 'iam',
      subject: 'arn:aws:iam::111122223333:user/example-user',
      claims: {},
      scopes: [],
      groups: [],
      context: expect.objectContaining({ accountId: '111122223333', callerId: 'AIDA...' }),
    });
    expect(principal?.context).toHaveProperty('cognitoIdentity', null);
  });
});

describe('principalOf, REST API Cognito authorizers', () => {
  it('C101: reads string claims of an ID token', () => {
    expect(principalFrom('apigw-rest/cognito-authorizer')).toEqual({
      source: 'cognito',
      subject: '7d8ca528-4931-4254-9273-ea5ee853f271',
      claims: {
        sub: '7d8ca528-4931-4254-9273-ea5ee853f271',
        email: 'jane@example.com',
        'cognito:username': 'jane',
      },
      scopes: [],
      groups: [],
      context: {},
    });
  });

  it('C101: splits comma-joined groups and the space-separated scope claim', () => {
    const principal = principalFrom('apigw-rest/cognito-access-token');

    expect(principal?.groups).toEqual(['admin', 'editors']);
    expect(principal?.scopes).toEqual(['aws.cognito.signin.user.admin', 'users/read']);
  });
});

describe('principalOf without authorizer output', () => {
  it.each([
    ['apigw-rest/aws-sample'],
    ['alb/aws-sample'],
    ['apigw-rest/http-api-v1'],
    ['apigw-rest/null-maps'],
  ])('C104: gives no principal for %s, even with an Authorization header', (name) => {
    const event = fixture(name);
    const headers = event['headers'];
    event['headers'] = {
      ...(typeof headers === 'object' && headers !== null ? headers : {}),
      authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5In0.',
    };

    expect(principalOf(requestOf(event))).toBeUndefined();
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'jwt'],
    ['a jwt that is not an object', { jwt: 'x' }],
    ['an iam that is null', { iam: null }],
  ])('C104: gives no principal for an authorizer that is %s', (_label, authorizer) => {
    const event = withAuthorizer('apigw-http/absent-maps', authorizer);

    expect(principalOf(requestOf(event))).toBeUndefined();
  });
});

describe('principalOf, once per request', () => {
  it('C105: reads the event once and gives the same principal on every call', () => {
    // Prepare
    const event = fixture('apigw-http/jwt-authorizer');
    const context = event['requestContext'] as Record<string, unknown>;
    const authorizer = context['authorizer'];
    let reads = 0;
    Object.defineProperty(context, 'authorizer', {
      enumerable: true,
      get: () => {
        reads += 1;
        return authorizer;
      },
    });
    const request = requestOf(event);
    const readsBefore = reads;

    // Act
    const first = principalOf(request);
    const second = principalOf(request);

    // Assess
    expect(second).toBe(first);
    expect(reads - readsBefore).toBe(1);
  });

  it('C105: remembers that a request has no principal', () => {
    const event = fixture('apigw-rest/aws-sample');
    const request = requestOf(event);
    expect(principalOf(request)).toBeUndefined();
    (event['requestContext'] as Record<string, unknown>)['authorizer'] = { principalId: 'late' };

    expect(principalOf(request)).toBeUndefined();
  });

  it('gives every request its own principal, frozen', () => {
    const principal = principalFrom('apigw-http/jwt-authorizer');

    expect(principalFrom('apigw-http/jwt-authorizer')).not.toBe(principal);
    expect(Object.isFrozen(principal)).toBe(true);
    expect(Object.isFrozen(principal?.claims)).toBe(true);
    expect(Object.isFrozen(principal?.groups)).toBe(true);
  });

  it('keeps a __proto__ claim as data', () => {
    const event = withAuthorizer(
      'apigw-rest/aws-sample',
      JSON.parse('{"claims": {"sub": "u", "__proto__": {"polluted": true}}}'),
    );

    const principal = principalOf(requestOf(event));

    expect(Object.hasOwn(principal?.claims ?? {}, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
