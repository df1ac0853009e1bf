import {
  DynamoDBClient,
  ProvisionedThroughputExceededException,
  RequestLimitExceeded,
  ThrottlingException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { CursorCodec, InvalidCursorError } from './cursor.ts';
import { EmailTakenError, ThrottledError, UserRepository } from './user-repository.ts';

interface Call {
  readonly command: string;
  readonly input: Readonly<Record<string, unknown>>;
}

type Respond = (call: Call) => Record<string, unknown> | Promise<Record<string, unknown>>;

/**
 * A real SDK client whose requests never leave the process: a middleware at the first step
 * records each command with its document-level input and answers with `respond`'s output (or
 * its error), before marshalling, signing or networking happen.
 */
function fakeDynamoDb(respond: Respond): { client: DynamoDBClient; calls: Call[] } {
  const client = new DynamoDBClient({
    region: 'local',
    credentials: { accessKeyId: 'fake', secretAccessKey: 'fake' },
  });
  const calls: Call[] = [];
  client.middlewareStack.add(
    (_next, context) => async (args) => {
      const input: Record<string, unknown> = { ...args.input };
      const call = { command: context.commandName ?? 'unknown', input };
      calls.push(call);
      const output = { $metadata: {}, ...(await respond(call)) };
      return { output, response: {} };
    },
    { step: 'initialize', name: 'fakeDynamoDb' },
  );
  return { client, calls };
}

function repository(respond: Respond, tableName = 'users-test') {
  const fake = fakeDynamoDb(respond);
  return { users: new UserRepository({ client: fake.client, tableName }), calls: fake.calls };
}

function cancelled(...codes: string[]): TransactionCanceledException {
  return new TransactionCanceledException({
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(', ')}]`,
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });
}

function throwing(error: unknown): Respond {
  return () => {
    throw error;
  };
}

const ADA = { name: 'Ada', email: 'Ada@Example.com' };

function userItem(n: number) {
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const createdAt = new Date(Date.UTC(2026, 10, 24, 0, 0, n)).toISOString();
  return {
    pk: `USER#${id}`,
    gsi1pk: 'USER',
    gsi1sk: `${createdAt}#${id}`,
    id,
    name: `User ${n}`,
    email: `user${n}@example.com`,
    createdAt,
  };
}

describe('UserRepository.create', () => {
  it('writes the user and its email marker in one transaction, both only if absent', async () => {
    // Prepare
    const { users, calls } = repository(() => ({}));

    // Act
    const user = await users.create(ADA);

    // Assess
    expect(calls).toHaveLength(1);
    expect(calls[0]?.command).toBe('TransactWriteItemsCommand');
    expect(calls[0]?.input).toHaveProperty('TransactItems', [
      {
        Put: {
          TableName: 'users-test',
          ConditionExpression: 'attribute_not_exists(pk)',
          Item: {
            pk: `USER#${user.id}`,
            gsi1pk: 'USER',
            gsi1sk: `${user.createdAt}#${user.id}`,
            ...user,
          },
        },
      },
      {
        Put: {
          TableName: 'users-test',
          ConditionExpression: 'attribute_not_exists(pk)',
          Item: { pk: 'EMAIL#ada@example.com', userId: user.id },
        },
      },
    ]);
  });

  it('returns the user with a UUID, the lower-cased email and an ISO creation time', async () => {
    const { users } = repository(() => ({}));

    const user = await users.create(ADA);

    expect(user).toEqual({
      id: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
      name: 'Ada',
      email: 'ada@example.com',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      version: 1,
    });
  });

  it('throws EmailTakenError, with the SDK error as cause, when the email marker exists', async () => {
    // Prepare
    const error = cancelled('None', 'ConditionalCheckFailed');
    const { users } = repository(throwing(error));

    // Act
    const outcome = users.create(ADA);

    // Assess
    await expect(outcome).rejects.toThrow(EmailTakenError);
    await expect(outcome).rejects.toHaveProperty('cause', error);
  });

  it.each([
    ['a ThrottlingException', new ThrottlingException({ message: 'slow down', $metadata: {} })],
    [
      'a ProvisionedThroughputExceededException',
      new ProvisionedThroughputExceededException({ message: 'too much', $metadata: {} }),
    ],
    ['RequestLimitExceeded', new RequestLimitExceeded({ message: 'account limit', $metadata: {} })],
    ['a cancellation for ThrottlingError', cancelled('ThrottlingError', 'None')],
    [
      'a cancellation for ProvisionedThroughputExceeded',
      cancelled('None', 'ProvisionedThroughputExceeded'),
    ],
  ])('throws ThrottledError on %s', async (_label, error) => {
    const { users } = repository(throwing(error));

    await expect(users.create(ADA)).rejects.toThrow(ThrottledError);
  });

  it('retries a transaction conflict and succeeds when the retry does', async () => {
    // Prepare
    let attempts = 0;
    const { users, calls } = repository(() => {
      attempts++;
      if (attempts === 1) throw cancelled('None', 'TransactionConflict');
      return {};
    });

    // Act
    const user = await users.create(ADA);

    // Assess
    expect(user.email).toBe('ada@example.com');
    expect(calls).toHaveLength(2);
  });

  it('answers EmailTakenError when a retry after a conflict finds the email taken', async () => {
    let attempts = 0;
    const { users } = repository(() => {
      attempts++;
      throw attempts === 1
        ? cancelled('None', 'TransactionConflict')
        : cancelled('None', 'ConditionalCheckFailed');
    });

    await expect(users.create(ADA)).rejects.toThrow(EmailTakenError);
  });

  it('gives up with ThrottledError after three conflicting attempts', async () => {
    // Prepare
    const { users, calls } = repository(
      throwing(cancelled('TransactionConflict', 'TransactionConflict')),
    );

    // Act
    const outcome = users.create(ADA);

    // Assess
    await expect(outcome).rejects.toThrow(ThrottledError);
    expect(calls).toHaveLength(3);
  });

  it.each([
    [
      'a cancellation for the user item (an id collision)',
      cancelled('ConditionalCheckFailed', 'None'),
    ],
    ['a plain Error', new Error('socket hang up')],
  ])('lets %s through unchanged', async (_label, error) => {
    const { users } = repository(throwing(error));

    await expect(users.create(ADA)).rejects.toBe(error);
  });
});

describe('UserRepository.get', () => {
  it('reads the user item strongly consistently and returns the API fields only', async () => {
    // Prepare
    const item = userItem(1);
    const { users, calls } = repository(() => ({ Item: item }));

    // Act
    const user = await users.get(item.id);

    // Assess
    expect(calls.map((call) => [call.command, call.input])).toEqual([
      ['GetItemCommand', { TableName: 'users-test', Key: { pk: item.pk }, ConsistentRead: true }],
    ]);
    expect(user).toEqual({
      id: item.id,
      name: item.name,
      email: item.email,
      createdAt: item.createdAt,
      // An item written before versions existed reads as version 1.
      version: 1,
    });
  });

  it('returns undefined when there is no item', async () => {
    const { users } = repository(() => ({}));

    await expect(users.get('00000000-0000-4000-8000-000000000000')).resolves.toBeUndefined();
  });

  it('accepts an upper-case UUID as the same id', async () => {
    const { users, calls } = repository(() => ({}));

    await users.get('ABCDEF00-0000-4000-8000-000000000000');

    expect(calls[0]?.input).toHaveProperty('Key', {
      pk: 'USER#abcdef00-0000-4000-8000-000000000000',
    });
  });

  it.each([
    ['a word', 'me'],
    ['a UUID with a suffix', '00000000-0000-4000-8000-000000000000x'],
    ['an email key', 'EMAIL#ada@example.com'],
    ['empty', ''],
    ['3,000 characters', 'a'.repeat(3000)],
  ])('answers undefined for %s without calling DynamoDB', async (_label, id) => {
    // Prepare
    const { users, calls } = repository(() => ({}));

    // Act
    const user = await users.get(id);

    // Assess
    expect(user).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('throws ThrottledError when the read is throttled', async () => {
    const { users } = repository(
      throwing(new ProvisionedThroughputExceededException({ message: 'too much', $metadata: {} })),
    );

    await expect(users.get('00000000-0000-4000-8000-000000000000')).rejects.toThrow(ThrottledError);
  });
});

describe('UserRepository.list', () => {
  it('queries the by-created index for one entry more than the page', async () => {
    // Prepare
    const { users, calls } = repository(() => ({ Items: [] }));

    // Act
    await users.list({ limit: 20 });

    // Assess
    expect(calls.map((call) => [call.command, call.input])).toEqual([
      [
        'QueryCommand',
        {
          TableName: 'users-test',
          IndexName: 'by-created',
          KeyConditionExpression: '#partition = :users',
          ExpressionAttributeNames: { '#partition': 'gsi1pk' },
          ExpressionAttributeValues: { ':users': 'USER' },
          Limit: 21,
        },
      ],
    ]);
  });

  it('returns limit items and a cursor when one more came back', async () => {
    const { users } = repository(() => ({ Items: [userItem(1), userItem(2), userItem(3)] }));

    const page = await users.list({ limit: 2 });

    expect(page.items.map((user) => user.id)).toEqual([userItem(1).id, userItem(2).id]);
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('returns a null cursor on the last page', async () => {
    const { users } = repository(() => ({ Items: [userItem(1), userItem(2)] }));

    const page = await users.list({ limit: 2 });

    expect(page).toEqual({ items: [expect.anything(), expect.anything()], nextCursor: null });
  });

  it('continues after the last item of the previous page', async () => {
    // Prepare
    const { users, calls } = repository(() => ({ Items: [userItem(1), userItem(2), userItem(3)] }));
    const first = await users.list({ limit: 2 });

    // Act
    await users.list({ limit: 2, cursor: first.nextCursor ?? undefined });

    // Assess
    const { pk, gsi1pk, gsi1sk } = userItem(2);
    expect(calls[1]?.input).toHaveProperty('ExclusiveStartKey', { pk, gsi1pk, gsi1sk });
  });

  it('returns a cursor when DynamoDB stopped early at its 1 MB page limit', async () => {
    // Prepare
    const { pk, gsi1pk, gsi1sk } = userItem(1);
    const { users, calls } = repository(() => ({
      Items: [userItem(1)],
      LastEvaluatedKey: { pk, gsi1pk, gsi1sk },
    }));

    // Act
    const page = await users.list({ limit: 5 });
    await users.list({ limit: 5, cursor: page.nextCursor ?? undefined });

    // Assess
    expect(calls[1]?.input).toHaveProperty('ExclusiveStartKey', { pk, gsi1pk, gsi1sk });
  });

  it.each([
    ['garbage', 'garbage'],
    ['empty', ''],
  ])(
    'rejects a %s cursor with InvalidCursorError without calling DynamoDB',
    async (_label, cursor) => {
      // Prepare
      const { users, calls } = repository(() => ({ Items: [] }));

      // Act
      const outcome = users.list({ limit: 5, cursor });

      // Assess
      await expect(outcome).rejects.toThrow(InvalidCursorError);
      expect(calls).toEqual([]);
    },
  );

  it("rejects another table's cursor", async () => {
    // Prepare
    const other = repository(() => ({ Items: [userItem(1), userItem(2)] }), 'users-other');
    const { users, calls } = repository(() => ({ Items: [] }));
    const foreign = (await other.users.list({ limit: 1 })).nextCursor ?? '';

    // Act
    const outcome = users.list({ limit: 5, cursor: foreign });

    // Assess
    await expect(outcome).rejects.toThrow(InvalidCursorError);
    expect(calls).toEqual([]);
  });

  it.each([
    ['an email marker key', { pk: 'EMAIL#ada@example.com' }],
    ['a user key without index attributes', { pk: userItem(1).pk }],
    ['a key of another partition', { ...startKey(1), gsi1pk: 'ADMIN' }],
    ['a key whose table key and sort key disagree', { ...startKey(1), pk: userItem(2).pk }],
    ['a key with a malformed sort key', { ...startKey(1), gsi1sk: 'yesterday#1' }],
    ['a key with an extra attribute', { ...startKey(1), name: 'x' }],
  ])('rejects a correctly signed cursor holding %s', async (_label, key) => {
    // Prepare
    const { users, calls } = repository(() => ({ Items: [] }));
    const signed = new CursorCodec({
      secret: 'lambda-controllers/sample-api/cursor/v1',
      scope: 'users-test/by-created',
    }).encode(key);

    // Act
    const outcome = users.list({ limit: 5, cursor: signed });

    // Assess
    await expect(outcome).rejects.toThrow(InvalidCursorError);
    expect(calls).toEqual([]);
  });

  it('throws ThrottledError when the query is throttled', async () => {
    const { users } = repository(
      throwing(new ThrottlingException({ message: 'slow down', $metadata: {} })),
    );

    await expect(users.list({ limit: 5 })).rejects.toThrow(ThrottledError);
  });
});

function startKey(n: number): Record<string, string> {
  const { pk, gsi1pk, gsi1sk } = userItem(n);
  return { pk, gsi1pk, gsi1sk };
}
