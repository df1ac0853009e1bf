import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTable } from '../local/create-table.ts';
import { DynamoDbLocal, localDynamoDbClient } from '../local/dynamodb-local.ts';

/** Whether a DynamoDB Local process listening on `port` is still alive, as `pgrep` sees it. */
function javaRunningOn(port: number): boolean {
  const result = spawnSync('pgrep', ['-f', `DynamoDBLocal\\.jar .*-port ${port}( |$)`]);
  if (result.error !== undefined) throw result.error;
  return result.status === 0;
}

let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'dynamodb-local-test-'));
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('DynamoDbLocal', () => {
  it('stops with no Java process left, and keeps a -dbPath table across restarts', async () => {
    // Prepare
    const first = await DynamoDbLocal.start({ dbPath: dataDir });
    const firstClient = localDynamoDbClient(first.endpoint);
    const created = await createTable(firstClient, 'persisted');
    firstClient.destroy();
    const runningBeforeStop = javaRunningOn(first.port);

    // Act
    await first.stop();
    const runningAfterStop = javaRunningOn(first.port);
    const second = await DynamoDbLocal.start({ dbPath: dataDir });
    const secondClient = localDynamoDbClient(second.endpoint);
    const again = await createTable(secondClient, 'persisted');
    secondClient.destroy();
    await second.stop();

    // Assess
    expect(created).toBe('created');
    expect(runningBeforeStop).toBe(true);
    expect(runningAfterStop).toBe(false);
    expect(again).toBe('existed');
    expect(javaRunningOn(second.port)).toBe(false);
    expect(() => process.kill(second.pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
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
