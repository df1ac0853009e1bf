import type { LogRecord } from 'lambda-controllers';
import { testClient } from 'lambda-controllers/testing';
import { routes } from './routes.ts';
import { InvalidCursorError } from './users/cursor.ts';
import { EmailTakenError, ThrottledError } from './users/user-repository.ts';

// The controller's own job is mapping domain errors and query values to HTTP; a fake repository,
// given through its constructor, lets these tests reach failures (like throttling) that
// DynamoDB Local never produces. The integration suite covers the real repository through
// main.handler.
const mockRepository = { create: jest.fn(), get: jest.fn(), list: jest.fn() };

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
};

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
    expect(response.json()).toEqual(USER);
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
    expect(response.json()).toEqual(USER);
  });

  it('lists 20 users by default and passes the cursor on', async () => {
    // Prepare
    mockRepository.list.mockResolvedValue({ items: [USER], nextCursor: 'next' });

    // Act
    const first = await client.get('/users');
    await client.get('/users', { query: { limit: 100, cursor: 'abc.def' } });

    // Assess
    expect(first.json()).toEqual({ items: [USER], nextCursor: 'next' });
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
});
