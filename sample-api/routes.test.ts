import type { LogRecord } from 'lambda-controllers';
import { type TestRequestOptions, testClient } from 'lambda-controllers/testing';
import { routes, USERS_WRITE } from './routes.ts';
import { InvalidCursorError } from './users/cursor.ts';
import {
  EmailTakenError,
  StaleUserError,
  ThrottledError,
  UserNotFoundError,
} from './users/user-repository.ts';

// The controller's own job is mapping domain errors and query values to HTTP; a fake repository,
// given through its constructor, lets these tests reach failures (like throttling) that
// DynamoDB Local never produces. The integration suite covers the real repository through
// main.handler.
const mockRepository = {
  create: jest.fn(),
  get: jest.fn(),
  list: jest.fn(),
  update: jest.fn(),
  delete: jest.fn(),
  pages: jest.fn(),
};

const errors: LogRecord[] = [];
const client = testClient(routes, {
  logger: { info: () => undefined, warn: () => undefined, error: (record) => errors.push(record) },
  resolve: () => new routes(mockRepository),
});

const USER = {
  id: '0b7c5f1e-8a47-4c1b-9d7e-2f3a4b5c6d7e',
  name: 'Ada',
  email: 'ada@example.com',
  createdAt: '2026-11-24T21:45:00.000Z',
  version: 3,
};
/** What a client sees of USER: its version stays inside. */
const { version: _version, ...SENT } = USER;
const WRITER = { principal: { subject: 'svc', scopes: [USERS_WRITE] } };

beforeEach(() => {
  jest.resetAllMocks();
  errors.length = 0;
});

describe('routes (UsersController)', () => {
  it('answers POST /users with 201, the user and its Location', async () => {
    // Prepare
    mockRepository.create.mockResolvedValue(USER);

    // Act
    const response = await client.post('/users', { name: ' Ada ', email: 'ADA@example.com' });

    // Assess
    expect(mockRepository.create).toHaveBeenCalledWith({ name: 'Ada', email: 'ada@example.com' });
    expect(response.status).toBe(201);
    expect(response.headers).toHaveProperty('location', `/users/${USER.id}`);
    expect(response.json()).toEqual(SENT);
  });

  it('answers 409 problem when the email is taken', async () => {
    mockRepository.create.mockRejectedValue(new EmailTakenError('ada@example.com'));

    const response = await client.post('/users', { name: 'Ada', email: 'ada@example.com' });

    expect(response.status).toBe(409);
    expect(response.headers).toHaveProperty(
      'content-type',
      expect.stringMatching(/^application\/problem\+json/),
    );
    expect(response.json()).toMatchObject({ status: 409, title: 'Conflict' });
  });

  it.each([
    [
      'POST /users',
      () => mockRepository.create,
      () => client.post('/users', { name: 'A', email: 'a@b.co' }),
    ],
    ['GET /users/{id}', () => mockRepository.get, () => client.get(`/users/${USER.id}`)],
    ['GET /users', () => mockRepository.list, () => client.get('/users')],
  ])(
    'answers %s with 503 and Retry-After when DynamoDB throttles',
    async (_label, method, send) => {
      // Prepare
      method().mockRejectedValue(new ThrottledError());

      // Act
      const response = await send();

      // Assess
      expect(response.status).toBe(503);
      expect(response.headers).toHaveProperty('retry-after', '1');
      expect(response.json()).toMatchObject({ status: 503 });
    },
  );

  it('answers 404 problem when there is no such user', async () => {
    mockRepository.get.mockResolvedValue(undefined);

    const response = await client.get(`/users/${USER.id}`);

    expect(response.status).toBe(404);
    expect(response.json()).toMatchObject({ status: 404 });
  });

  it('answers GET /users/{id} with the user', async () => {
    mockRepository.get.mockResolvedValue(USER);

    const response = await client.get(`/users/${USER.id}`);

    expect(mockRepository.get).toHaveBeenCalledWith(USER.id);
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(SENT);
  });

  it('lists 20 users by default and passes the cursor on', async () => {
    // Prepare
    mockRepository.list.mockResolvedValue({ items: [USER], nextCursor: 'next' });

    // Act
    const first = await client.get('/users');
    await client.get('/users', { query: { limit: 100, cursor: 'abc.def' } });

    // Assess
    expect(first.json()).toEqual({ items: [SENT], nextCursor: 'next' });
    expect(mockRepository.list.mock.calls).toEqual([
      [{ limit: 20, cursor: undefined }],
      [{ limit: 100, cursor: 'abc.def' }],
    ]);
  });

  it.each(['0', '101', '-1', '1.5', 'abc', '1e1000'])(
    'answers limit=%s with 400 without reading users',
    async (limit) => {
      const response = await client.get('/users', { query: { limit } });

      expect(response.status).toBe(400);
      expect(response.headers).toHaveProperty(
        'content-type',
        expect.stringMatching(/^application\/problem\+json/),
      );
      expect(mockRepository.list).not.toHaveBeenCalled();
    },
  );

  it('answers 400 problem naming the cursor when the repository rejects it', async () => {
    mockRepository.list.mockRejectedValue(new InvalidCursorError('signature mismatch'));

    const response = await client.get('/users?cursor=garbage');

    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ status: 400, errors: { cursor: ['is not valid'] } });
  });

  it('answers 500 without internals, logging the error with the request id', async () => {
    // Prepare
    mockRepository.get.mockRejectedValue(new Error('ResourceNotFoundException: secret-table-name'));

    // Act
    const response = await client.get(`/users/${USER.id}`);

    // Assess
    expect(response.status).toBe(500);
    expect(response.body).not.toContain('secret-table-name');
    expect(errors).toEqual([expect.objectContaining({ requestId: response.requestId })]);
    expect(response.json()).toMatchObject({ requestId: response.requestId });
  });

  it('sends the ETag of the version with GET /users/{id}, and never the version itself', async () => {
    // Prepare
    mockRepository.get.mockResolvedValue(USER);

    // Act
    const response = await client.get(`/users/${USER.id}`);

    // Assess
    expect(response.headers['etag']).toBe('"3"');
    expect(response.json()).not.toHaveProperty('version');
  });
});

describe('PATCH and DELETE /users/{id}', () => {
  const patch = (body: unknown, headers: Record<string, string> = { 'if-match': '"3"' }) =>
    client.patch(`/users/${USER.id}`, body, { ...WRITER, headers });

  it('changes a user for a caller with users/write, passing the versions If-Match accepts', async () => {
    // Prepare
    mockRepository.update.mockResolvedValue({ ...USER, name: 'Ada L.', version: 4 });

    // Act
    const response = await patch({ name: ' Ada L. ' }, { 'if-match': '"2", W/"3", "3"' });

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers['etag']).toBe('"4"');
    expect(response.json()).toEqual({
      id: USER.id,
      name: 'Ada L.',
      email: USER.email,
      createdAt: USER.createdAt,
    });
    expect(mockRepository.update).toHaveBeenCalledWith(
      USER.id,
      { name: 'Ada L.', email: undefined },
      [2, 3],
    );
  });

  it('accepts If-Match: * as any current version', async () => {
    // Prepare
    mockRepository.update.mockResolvedValue({ ...USER, version: 4 });

    // Act
    await patch({ email: 'ADA@new.example' }, { 'if-match': '*' });

    // Assess
    expect(mockRepository.update).toHaveBeenCalledWith(
      USER.id,
      { name: undefined, email: 'ada@new.example' },
      undefined,
    );
  });

  it.each([
    ['no token', {}, 401],
    ['a token without users/write', { principal: { subject: 'svc', scopes: ['users/read'] } }, 403],
  ])(
    'refuses a caller with %s (%i) before touching the repository',
    async (_label, init, status) => {
      // Act
      const response = await client.patch(
        `/users/${USER.id}`,
        { name: 'X' },
        {
          ...init,
          headers: { 'if-match': '"3"' },
        },
      );
      const deleted = await client.delete(`/users/${USER.id}`, init);

      // Assess
      expect([response.status, deleted.status]).toEqual([status, status]);
      expect(mockRepository.update).not.toHaveBeenCalled();
      expect(mockRepository.delete).not.toHaveBeenCalled();
    },
  );

  it('answers 428 without If-Match', async () => {
    // Act
    const response = await client.patch(`/users/${USER.id}`, { name: 'X' }, WRITER);

    // Assess
    expect(response.status).toBe(428);
    expect(mockRepository.update).not.toHaveBeenCalled();
  });

  it.each([
    ['an empty object', {}, ''],
    ['an unknown field', { name: 'X', admin: true }, 'admin'],
    ['a null name', { name: null }, 'name'],
    ['an invalid email', { email: 'not-an-email' }, 'email'],
    ['a name of spaces', { name: '   ' }, 'name'],
  ])('answers 400 for %s, naming the field', async (_label, body, field) => {
    // Act
    const response = await patch(body);

    // Assess
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ errors: { [field]: expect.any(Array) } });
    expect(mockRepository.update).not.toHaveBeenCalled();
  });

  it.each([
    ['the user is gone', new UserNotFoundError(), 404],
    ['the email is taken', new EmailTakenError('ada@x.example'), 409],
    ['the database is busy', new ThrottledError(), 503],
  ])('answers with the right status when %s', async (_label, error, status) => {
    // Prepare
    mockRepository.update.mockRejectedValue(error);

    // Act
    const response = await patch({ name: 'X' });

    // Assess
    expect(response.status).toBe(status);
  });

  it('answers 412 with the current ETag when the user changed', async () => {
    // Prepare
    mockRepository.update.mockRejectedValue(new StaleUserError({ ...USER, version: 5 }));

    // Act
    const response = await patch({ name: 'X' });

    // Assess
    expect(response.status).toBe(412);
    expect(response.headers['etag']).toBe('"5"');
  });

  it('deletes with 204, honouring If-Match when sent', async () => {
    // Prepare
    mockRepository.delete.mockResolvedValue(undefined);

    // Act
    const plain = await client.delete(`/users/${USER.id}`, WRITER);
    const conditional = await client.delete(`/users/${USER.id}`, {
      ...WRITER,
      headers: { 'if-match': '"3"' },
    });

    // Assess
    expect([plain.status, conditional.status]).toEqual([204, 204]);
    expect(mockRepository.delete.mock.calls).toEqual([
      [USER.id, undefined],
      [USER.id, [3]],
    ]);
  });

  it('answers DELETE of an unknown user with 404', async () => {
    // Prepare
    mockRepository.delete.mockRejectedValue(new UserNotFoundError());

    // Act
    const response = await client.delete(`/users/${USER.id}`, WRITER);

    // Assess
    expect(response.status).toBe(404);
  });
});

describe('GET /users/export', () => {
  async function* onePage() {
    yield [USER];
  }

  it.each<[string, number, TestRequestOptions]>([
    ['a token with users/write', 200, { principal: { subject: 'svc', scopes: [USERS_WRITE] } }],
    [
      'an IAM-signed call to the function URL',
      200,
      {
        source: 'function-url' as const,
        principal: { subject: 'arn:aws:iam::123456789012:user/ops' },
      },
    ],
    ['a token without users/write', 403, { principal: { subject: 'svc', scopes: ['users/read'] } }],
    ['no token', 401, {}],
  ])('answers %s with %i', async (_label, status, init) => {
    // Prepare
    mockRepository.pages.mockReturnValue(onePage());

    // Act
    const response = await client.get('/users/export', init);

    // Assess
    expect(response.status).toBe(status);
    if (status === 200) expect(response.body).toBe(`${JSON.stringify(SENT)}\n`);
  });
});
