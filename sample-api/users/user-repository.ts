import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { dynamoDbClient, usersTableName } from '../db/client.ts';
import { usersTable } from '../db/table-definition.ts';
import { CursorCodec, InvalidCursorError, type StringKey } from './cursor.ts';
import { deleteUserCommand, type UserChanges, updateUserCommand } from './user-changes.ts';
import {
  createdSortKey,
  emailKey,
  fromUserItem,
  isUserId,
  toUserItem,
  USERS_PARTITION,
  type UserFields,
  userKey,
} from './user-item.ts';

/** Another user already has this email address (compared case-insensitively). */
export class EmailTakenError extends Error {
  constructor(email: string, options?: { cause?: unknown }) {
    super(`The email ${JSON.stringify(email)} is already taken`, options);
    this.name = 'EmailTakenError';
  }
}

/** There is no user with this id. */
export class UserNotFoundError extends Error {
  constructor() {
    super('There is no user with this id');
    this.name = 'UserNotFoundError';
  }
}

/** The user is no longer at a version the caller accepts (its `If-Match`); `current` is what is. */
export class StaleUserError extends Error {
  readonly current: UserFields;

  constructor(current: UserFields) {
    super(`The user is at version ${current.version}`);
    this.name = 'StaleUserError';
    this.current = current;
  }
}

/**
 * DynamoDB asked us to come back later: it throttled the request after the SDK's own retries,
 * or a transaction kept colliding with concurrent transactions on the same items.
 */
export class ThrottledError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('DynamoDB is throttling or contended; retry later', options);
    this.name = 'ThrottledError';
  }
}

export interface NewUser {
  readonly name: string;
  readonly email: string;
}

export interface ListUsersOptions {
  /** Users per page; the caller keeps it within 1..100. */
  readonly limit: number;
  /** The `nextCursor` of the previous page. */
  readonly cursor?: string | undefined;
}

export interface UserPage {
  readonly items: readonly UserFields[];
  /** `null` on the last page. */
  readonly nextCursor: string | null;
}

export interface UserRepositoryOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** HMAC key for cursors; see `CursorCodecOptions.secret`. */
  readonly cursorSecret?: string | undefined;
}

const [byCreated] = usersTable.globalSecondaryIndexes;
const NOT_EXISTS = 'attribute_not_exists(pk)';
const CREATE_ATTEMPTS = 3;
// Reads and conditional writes of one user that lost to a concurrent change: each retry reads
// again and decides anew.
const CHANGE_ATTEMPTS = 3;
/** Users per read of an export: big enough to keep reads few, small enough to keep memory flat. */
const EXPORT_PAGE_SIZE = 500;
// Without CURSOR_SECRET the MAC still rejects garbled, truncated and foreign cursors, but a
// client who reads this source could mint one. That is acceptable here because a cursor only
// picks where a listing of all users starts, which every caller may read in full anyway, and
// `toStartKey` admits only well-formed user keys. Set CURSOR_SECRET once that stops being true.
const DEFAULT_CURSOR_SECRET = 'lambda-controllers/sample-api/cursor/v1';

// Throttling as DynamoDB reports it, both as error names and as transaction cancellation codes.
const THROTTLING = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
]);

/**
 * The users table: the only module that talks to DynamoDB. Every failure it does not understand
 * propagates unchanged; the ones it does become `EmailTakenError`, `ThrottledError` or
 * `InvalidCursorError`.
 */
export class UserRepository {
  readonly #documents: DynamoDBDocumentClient;
  readonly #table: string;
  readonly #cursors: CursorCodec;

  constructor(options: UserRepositoryOptions) {
    this.#documents = DynamoDBDocumentClient.from(options.client);
    this.#table = options.tableName;
    this.#cursors = new CursorCodec({
      secret: options.cursorSecret ?? DEFAULT_CURSOR_SECRET,
      scope: `${options.tableName}/${byCreated.name}`,
    });
  }

  /**
   * Creates a user and claims its email in one transaction, so two concurrent requests for the
   * same address cannot both succeed (no read-then-write window).
   *
   * @throws EmailTakenError when the address is taken in any letter case.
   * @throws ThrottledError when DynamoDB throttles or the write keeps conflicting.
   */
  async create(input: NewUser): Promise<UserFields> {
    const user: UserFields = {
      id: randomUUID(),
      name: input.name,
      email: input.email.toLowerCase(),
      createdAt: new Date().toISOString(),
      version: 1,
    };
    for (let attempt = 1; ; attempt++) {
      try {
        await this.#documents.send(this.#createCommand(user));
        return user;
      } catch (error) {
        const codes = cancellationCodes(error);
        // A TransactionConflict means another transaction held one of our items; it says
        // nothing about whether the email is free, so ask again rather than guess.
        if (codes.includes('TransactionConflict') && attempt < CREATE_ATTEMPTS) {
          await sleep(10 * attempt + Math.random() * 20);
          continue;
        }
        if (codes[1] === 'ConditionalCheckFailed')
          throw new EmailTakenError(user.email, { cause: error });
        if (codes.includes('TransactionConflict')) throw new ThrottledError({ cause: error });
        raiseDomainError(error);
      }
    }
  }

  /** Returns the user, or `undefined` when there is none (an id we never issue included). */
  async get(id: string): Promise<UserFields | undefined> {
    const normalized = id.toLowerCase();
    // Not a UUID, so not ours: answering here keeps odd input (2 KB ids, odd bytes) away from
    // DynamoDB, where it would be a ValidationException.
    if (!isUserId(normalized)) return undefined;
    const output = await this.#documents
      .send(
        new GetCommand({
          TableName: this.#table,
          Key: { pk: userKey(normalized) },
          // A client following the Location of a 201 must find the user it just created.
          ConsistentRead: true,
        }),
      )
      .catch(raiseDomainError);
    return output.Item === undefined ? undefined : fromUserItem(output.Item);
  }

  /**
   * Lists users oldest first, reading `limit + 1` entries of the sparse `by-created` index: the
   * extra one only tells whether another page exists, so the last page has `nextCursor: null`.
   *
   * @throws InvalidCursorError when `cursor` is not one this repository issued for this table.
   */
  async list(options: ListUsersOptions): Promise<UserPage> {
    const startKey = options.cursor === undefined ? undefined : this.#startKey(options.cursor);
    const output = await this.#readIndex(options.limit + 1, startKey);
    const users = (output.Items ?? []).map(fromUserItem);
    const items = users.slice(0, options.limit);
    const last = items.at(-1);
    if (users.length > options.limit && last !== undefined) {
      return { items, nextCursor: this.#cursors.encode(startKeyOf(last)) };
    }
    // Fewer items than asked for but a LastEvaluatedKey: DynamoDB stopped at its 1 MB page
    // limit, so more may follow.
    const more = output.LastEvaluatedKey;
    return {
      items,
      nextCursor: more === undefined ? null : this.#cursors.encode(toStartKey(more)),
    };
  }

  /**
   * Changes a user's name and/or email. The user item and, for a new address, both `EMAIL#`
   * items change in one transaction guarded by the version read, so the any-case uniqueness of
   * addresses holds under concurrency.
   *
   * @param ifVersion - The versions the caller accepts (its `If-Match`); `undefined` for any.
   * @throws UserNotFoundError, StaleUserError, EmailTakenError, ThrottledError
   */
  async update(
    id: string,
    changes: UserChanges,
    ifVersion?: readonly number[],
  ): Promise<UserFields> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.#current(id, ifVersion);
      const next: UserFields = {
        ...current,
        name: changes.name ?? current.name,
        email: changes.email?.toLowerCase() ?? current.email,
        version: current.version + 1,
      };
      try {
        await this.#documents.send(updateUserCommand(this.#table, current, next));
        return next;
      } catch (error) {
        const codes = cancellationCodes(error);
        if (codes[1] === 'ConditionalCheckFailed') {
          throw new EmailTakenError(next.email, { cause: error });
        }
        await this.#retryOrRaise(error, codes, attempt);
      }
    }
  }

  /**
   * Removes a user and frees its address in one transaction, so the address can be used again at
   * once.
   *
   * @param ifVersion - The versions the caller accepts (its `If-Match`); `undefined` for any.
   * @throws UserNotFoundError, StaleUserError, ThrottledError
   */
  async delete(id: string, ifVersion?: readonly number[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.#current(id, ifVersion);
      try {
        await this.#documents.send(deleteUserCommand(this.#table, current));
        return;
      } catch (error) {
        await this.#retryOrRaise(error, cancellationCodes(error), attempt);
      }
    }
  }

  /** The user as it is now, if the caller's precondition admits it. */
  async #current(id: string, ifVersion: readonly number[] | undefined): Promise<UserFields> {
    const current = await this.get(id);
    if (current === undefined) throw new UserNotFoundError();
    if (ifVersion !== undefined && !ifVersion.includes(current.version)) {
      throw new StaleUserError(current);
    }
    return current;
  }

  /**
   * After a cancelled change: the user item changed or went between our read and our write
   * (its condition failed), or another transaction held an item. Waits and returns, so that the
   * caller reads again, until the attempts run out.
   */
  async #retryOrRaise(error: unknown, codes: readonly string[], attempt: number): Promise<void> {
    const lost = codes[0] === 'ConditionalCheckFailed' || codes.includes('TransactionConflict');
    if (!lost) raiseDomainError(error);
    if (attempt >= CHANGE_ATTEMPTS) throw new ThrottledError({ cause: error });
    await sleep(10 * attempt + Math.random() * 20);
  }

  /**
   * Every user, oldest first, one page of the `by-created` index at a time: only one page is in
   * memory whatever the table's size, and the next is read only when the caller asks for it.
   *
   * @param pageSize - Index entries per read.
   */
  async *pages(pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<UserFields[]> {
    let startKey: Record<string, unknown> | undefined;
    do {
      const output = await this.#readIndex(pageSize, startKey);
      yield (output.Items ?? []).map(fromUserItem);
      startKey = output.LastEvaluatedKey;
    } while (startKey !== undefined);
  }

  /** One read of the `by-created` index, oldest first, from `startKey` on. */
  #readIndex(limit: number, startKey: Record<string, unknown> | undefined) {
    return this.#documents
      .send(
        new QueryCommand({
          TableName: this.#table,
          IndexName: byCreated.name,
          KeyConditionExpression: '#partition = :users',
          ExpressionAttributeNames: { '#partition': byCreated.partitionKey.name },
          ExpressionAttributeValues: { ':users': USERS_PARTITION },
          Limit: limit,
          ExclusiveStartKey: startKey,
        }),
      )
      .catch(raiseDomainError);
  }

  #createCommand(user: UserFields): TransactWriteCommand {
    return new TransactWriteCommand({
      TransactItems: [
        {
          Put: { TableName: this.#table, Item: toUserItem(user), ConditionExpression: NOT_EXISTS },
        },
        {
          Put: {
            TableName: this.#table,
            Item: { pk: emailKey(user.email), userId: user.id },
            ConditionExpression: NOT_EXISTS,
          },
        },
      ],
    });
  }

  #startKey(cursor: string): StringKey {
    return toStartKey(this.#cursors.decode(cursor));
  }
}

let shared: UserRepository | undefined;

/**
 * The repository of this container, configured from the environment on first use (not at
 * import), so loading `routes.js` to read its routes needs no AWS settings.
 *
 * @throws MissingSettingError when `TABLE_NAME` is not set.
 */
export function defaultUserRepository(): UserRepository {
  const { CURSOR_SECRET: cursorSecret } = process.env;
  shared ??= new UserRepository({
    client: dynamoDbClient(),
    tableName: usersTableName(),
    cursorSecret: cursorSecret === '' ? undefined : cursorSecret,
  });
  return shared;
}

/** Rethrows throttling as `ThrottledError` and anything else unchanged. */
function raiseDomainError(error: unknown): never {
  if (error instanceof Error && THROTTLING.has(error.name))
    throw new ThrottledError({ cause: error });
  if (cancellationCodes(error).some((code) => THROTTLING.has(code))) {
    throw new ThrottledError({ cause: error });
  }
  throw error;
}

/** The per-item codes of a cancelled transaction, in request order; `[]` for other errors. */
function cancellationCodes(error: unknown): string[] {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return [];
  if (!('CancellationReasons' in error) || !Array.isArray(error.CancellationReasons)) return [];
  return error.CancellationReasons.map((reason: unknown) =>
    typeof reason === 'object' &&
    reason !== null &&
    'Code' in reason &&
    typeof reason.Code === 'string'
      ? reason.Code
      : 'None',
  );
}

function startKeyOf(user: Pick<UserFields, 'id' | 'createdAt'>): StringKey {
  return {
    pk: userKey(user.id),
    [byCreated.partitionKey.name]: USERS_PARTITION,
    [byCreated.sortKey.name]: createdSortKey(user),
  };
}

const SORT_KEY = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)#([0-9a-f-]{36})$/;

/**
 * Admits only the exact key of a user entry in `by-created`: the same attributes, the users
 * partition, a well-formed sort key and the matching table key. A cursor is a client-held value,
 * so even a correctly signed one is checked before it reaches DynamoDB.
 */
function toStartKey(key: Readonly<Record<string, unknown>>): StringKey {
  const names = Object.keys(key).sort();
  const expected = ['pk', byCreated.partitionKey.name, byCreated.sortKey.name].sort();
  if (names.join() !== expected.join()) {
    throw new InvalidCursorError(`unexpected attributes ${JSON.stringify(names)}`);
  }
  const { pk } = key;
  const partition = key[byCreated.partitionKey.name];
  const sortKey = key[byCreated.sortKey.name];
  const match = typeof sortKey === 'string' ? SORT_KEY.exec(sortKey) : null;
  const id = match?.[2];
  const createdAt = match?.[1];
  if (
    typeof sortKey !== 'string' ||
    partition !== USERS_PARTITION ||
    id === undefined ||
    createdAt === undefined ||
    !isUserId(id) ||
    pk !== userKey(id)
  ) {
    throw new InvalidCursorError('not a key of the users index');
  }
  return startKeyOf({ id, createdAt });
}

/** What the users API needs of a store: `UserRepository` on Lambda, a fake in unit tests. */
export type Users = Pick<UserRepository, 'create' | 'get' | 'list' | 'update' | 'delete' | 'pages'>;

/**
 * The container's repository behind the `Users` interface, built on the first call rather than
 * when the controller is constructed: `main.handler` constructs controllers at cold start, and
 * tools that only read the routes (the OpenAPI document) run without AWS settings.
 */
export const lazyUserRepository: Users = {
  create: (input) => defaultUserRepository().create(input),
  get: (id) => defaultUserRepository().get(id),
  list: (options) => defaultUserRepository().list(options),
  update: (id, changes, ifVersion) => defaultUserRepository().update(id, changes, ifVersion),
  delete: (id, ifVersion) => defaultUserRepository().delete(id, ifVersion),
  pages: (pageSize) => defaultUserRepository().pages(pageSize),
};
