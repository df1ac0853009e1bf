/**
 * Measures the memory of `GET /users/export` streamed through the built `main.handler` (with
 * `LAMBDA_CONTROLLERS_STREAM=1` and a runtime-shaped `awslambda` global), on tables of 5,000 and
 * 50,000 users in an in-memory DynamoDB Local:
 *
 *   npm run build && node sample-api/local/measure-export-memory.ts [--sizes 5000,50000]
 *
 * It prints the resident set size before the export and its peak while streaming (sampled every
 * 20 ms), the peak of the live heap (collected before each sample), and the bytes and lines
 * streamed: flat memory means the peaks do not grow with the table.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { toUserItem } from '../users/user-item.ts';
import { createTable } from './create-table.ts';
import { DynamoDbLocal, LOCAL_AWS_ENV, localDynamoDbClient } from './dynamodb-local.ts';

const TABLE = 'export-users';
const ROOT = resolve(import.meta.dirname, '../..');
const LAYER_MODULES = join(ROOT, 'layer-dist/nodejs/node_modules');
const FUNCTION_DIR = join(ROOT, 'layer-dist/functions/sample-api');
const MIB = 1024 * 1024;

/** Writes users `from` up to `to` (exclusive) straight into the table, 25 per batch. */
async function seed(documents: DynamoDBDocumentClient, from: number, to: number): Promise<void> {
  const batches: Promise<unknown>[] = [];
  for (let start = from; start < to; start += 25) {
    const items = [];
    for (let n = start; n < Math.min(start + 25, to); n++) {
      const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
      const createdAt = new Date(Date.UTC(2026, 0, 1) + n).toISOString();
      const user = { id, name: `User ${n}`, email: `user${n}@example.com`, createdAt, version: 1 };
      items.push({ PutRequest: { Item: toUserItem(user) } });
    }
    batches.push(documents.send(new BatchWriteCommand({ RequestItems: { [TABLE]: items } })));
    if (batches.length === 16) await Promise.all(batches.splice(0));
  }
  await Promise.all(batches);
}

/** A response stream like the runtime's that counts what reaches the "network". */
class CountingStream extends Writable {
  bytes = 0;
  lines = 0;
  #first = true;
  beforeFirstWrite: ((write: (chunk: Uint8Array | string) => void) => void) | undefined;
  setContentType(): void {}
  override write(chunk: Uint8Array | string, ...rest: never[]): boolean {
    if (this.#first) {
      this.#first = false;
      this.beforeFirstWrite?.(() => undefined);
    }
    return super.write(chunk, ...rest);
  }
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) this.lines++;
    done();
  }
}

function loadMainHandler(endpoint: string) {
  // Outside the repository, as Lambda unpacks it to /var/task: routes.js must reach the layer's
  // packages, never the repository's node_modules.
  const taskRoot = mkdtempSync(join(tmpdir(), 'export-task-'));
  cpSync(FUNCTION_DIR, taskRoot, { recursive: true });
  process.once('exit', () => rmSync(taskRoot, { recursive: true, force: true }));
  Object.assign(process.env, LOCAL_AWS_ENV, {
    NODE_PATH: LAYER_MODULES,
    LAMBDA_TASK_ROOT: taskRoot,
    LAMBDA_CONTROLLERS_STREAM: '1',
    LAMBDA_CONTROLLERS_ACCESS_LOG: 'off',
    TABLE_NAME: TABLE,
    DYNAMODB_ENDPOINT: endpoint,
  });
  // NODE_PATH is read once at startup; this re-reads it, as the runtime's process has it set.
  (Module as unknown as { _initPaths(): void })._initPaths();
  Reflect.set(globalThis, 'awslambda', {
    streamifyResponse: (handler: unknown) => handler,
    HttpResponseStream: {
      from(stream: CountingStream) {
        stream.beforeFirstWrite = () => undefined;
        return stream;
      },
    },
  });
  const required = createRequire(import.meta.url)(join(LAYER_MODULES, 'main.js')) as {
    handler: (event: unknown, stream: Writable, context: unknown) => Promise<void>;
  };
  return required.handler;
}

function exportEvent(): unknown {
  const http = {
    method: 'GET',
    path: '/users/export',
    protocol: 'HTTP/1.1',
    sourceIp: '127.0.0.1',
  };
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/users/export',
    rawQueryString: '',
    headers: { host: 'example.lambda-url.us-east-1.on.aws' },
    requestContext: {
      accountId: 'anonymous',
      apiId: 'example',
      domainName: 'example.lambda-url.us-east-1.on.aws',
      domainPrefix: 'example',
      http: { ...http, userAgent: 'measure' },
      requestId: 'measure',
      routeKey: '$default',
      // What a function URL with AuthType AWS_IAM passes for a signed request.
      authorizer: {
        iam: {
          accessKey: 'AKIAIOSFODNN7EXAMPLE',
          accountId: '123456789012',
          callerId: 'AIDACKCEVSQ6C2EXAMPLE',
          userArn: 'arn:aws:iam::123456789012:user/measure',
          userId: 'AIDACKCEVSQ6C2EXAMPLE',
        },
      },
      stage: '$default',
      time: '01/Jan/2026:00:00:00 +0000',
      timeEpoch: 0,
    },
    isBase64Encoded: false,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '5000,50000' } } });
  const sizes = values.sizes.split(',').map(Number);
  const db = await DynamoDbLocal.start();
  const client = localDynamoDbClient(db.endpoint);
  const documents = DynamoDBDocumentClient.from(client);
  try {
    await createTable(client, TABLE);
    const handler = loadMainHandler(db.endpoint);
    let seeded = 0;
    for (const size of sizes) {
      await seed(documents, seeded, size);
      seeded = size;
      globalThis.gc?.();
      const before = process.memoryUsage().rss;
      const heapBefore = process.memoryUsage().heapUsed;
      let peak = before;
      let heapPeak = heapBefore;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
        // Live objects only: what the export holds, not garbage waiting for a collection.
        globalThis.gc?.();
        heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      }, 20);
      const stream = new CountingStream();
      const started = performance.now();
      await handler(exportEvent(), stream, { awsRequestId: 'measure' });
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      console.log(
        `${size} users: ${stream.lines} lines, ${(stream.bytes / MIB).toFixed(1)} MiB streamed in ` +
          `${((performance.now() - started) / 1000).toFixed(1)} s; RSS ${(before / MIB).toFixed(0)} MiB ` +
          `before, peak ${(peak / MIB).toFixed(0)} MiB (+${((peak - before) / MIB).toFixed(0)} MiB); ` +
          `live heap peak +${((heapPeak - heapBefore) / MIB).toFixed(1)} MiB`,
      );
    }
  } finally {
    client.destroy();
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
