import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createTable } from '../local/create-table.ts';
import {
  DynamoDbLocal,
  DynamoDbLocalStartError,
  localDynamoDbClient,
} from '../local/dynamodb-local.ts';

/** Whether a DynamoDB Local process listening on `port` is still alive, as `pgrep` sees it. */
function javaRunningOn(port: number): boolean {
  const result = spawnSync('pgrep', ['-f', `DynamoDBLocal\\.jar .*-port ${port}( |$)`]);
  if (result.error !== undefined) throw result.error;
  return result.status === 0;
}

async function withClient<T>(
  db: DynamoDbLocal,
  use: (client: DynamoDBClient) => Promise<T>,
): Promise<T> {
  const client = localDynamoDbClient(db.endpoint);
  try {
    return await use(client);
  } finally {
    client.destroy();
  }
}

// Every instance a test starts, so that a failing test still stops its Java process: one left
// running would also keep jest from exiting.
const started: DynamoDbLocal[] = [];

function track(db: DynamoDbLocal): DynamoDbLocal {
  started.push(db);
  return db;
}

let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'dynamodb-local-test-'));
});

afterAll(async () => {
  await Promise.all(started.map((db) => db.stop()));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('DynamoDbLocal', () => {
  it('stops with no Java process left, and keeps a -dbPath table across restarts', async () => {
    // Prepare
    const first = track(await DynamoDbLocal.start({ dbPath: dataDir }));
    const created = await withClient(first, (client) => createTable(client, 'persisted'));
    const runningBeforeStop = javaRunningOn(first.port);

    // Act
    await first.stop();
    const runningAfterStop = javaRunningOn(first.port);
    const second = track(await DynamoDbLocal.start({ dbPath: dataDir }));
    const again = await withClient(second, (client) => createTable(client, 'persisted'));
    await second.stop();

    // Assess
    expect(created).toBe('created');
    expect(runningBeforeStop).toBe(true);
    expect(runningAfterStop).toBe(false);
    expect(again).toBe('existed');
    expect(javaRunningOn(second.port)).toBe(false);
    expect(() => process.kill(second.pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
  });

  it('rejects, leaving no Java process, when the requested port is taken', async () => {
    // Prepare
    const blocker = createServer();
    blocker.listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;

    // Act
    const outcome = DynamoDbLocal.start({ port });

    // Assess
    try {
      await expect(outcome).rejects.toThrow(DynamoDbLocalStartError);
      await expect(outcome).rejects.toHaveProperty('exited', true);
      expect(javaRunningOn(port)).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it('start-dynamodb.ts says to install Java 17+ when java is not on PATH', () => {
    // Prepare
    const emptyPath = mkdtempSync(join(tmpdir(), 'no-java-'));

    // Act
    const result = spawnSync(
      process.execPath,
      [
        '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON',
        join(__dirname, '../local/start-dynamodb.ts'),
        '--in-memory',
      ],
      { encoding: 'utf8', env: { ...process.env, PATH: emptyPath } },
    );
    rmSync(emptyPath, { recursive: true, force: true });

    // Assess
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DynamoDB Local needs Java 17 or newer');
    expect(result.stderr).toContain('no "java" was found on PATH');
  });
});
