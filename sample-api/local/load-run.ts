/**
 * The load run (a benchmark, not a test), after `npm run build`:
 *
 *   npm run load:local [-- --requests N --connections N --concurrency N]
 *
 * It starts an in-memory DynamoDB Local and the local server with the sample's services module
 * pointed at it (`SAMPLE_DYNAMODB`, `SAMPLE_TABLE`), drives mixed POST/GET traffic with
 * autocannon, then checks that nothing failed and that every 201 left its user in the table.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { countItems } from './count-items.ts';
import { createTable } from './create-table.ts';
import { DynamoDbLocal, localDynamoDbClient } from './dynamodb-local.ts';
import { type LocalServer, startLocalServer } from './local-server.ts';
import { DYNAMODB_VARIABLE, TABLE_VARIABLE } from './services-settings.ts';

function formatDuration(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return ms >= 10 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`;
}

/**
 * Each connection creates a user, reads it back by the id in the 201, then lists a page, and
 * starts over: 1/3 writes, 2/3 reads, and every GET by id names a user that exists.
 */
function trafficCycle(): autocannon.Request[] {
  let next = 0;
  return [
    {
      method: 'POST',
      path: '/users',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => {
        next += 1;
        const email = `load-${next}-${randomUUID().slice(0, 8)}@example.com`;
        return { ...request, body: JSON.stringify({ name: `Load ${next}`, email }) };
      },
      onResponse: (status, body, context) => {
        if (status === 201) Reflect.set(context, 'id', Reflect.get(JSON.parse(body), 'id'));
      },
    },
    {
      method: 'GET',
      setupRequest: (request, context) => ({
        ...request,
        path: `/users/${String(Reflect.get(context, 'id'))}`,
      }),
    },
    { method: 'GET', path: '/users?limit=20' },
  ];
}

function count(result: autocannon.Result, status: `${number}`): number {
  return result.statusCodeStats?.[status]?.count ?? 0;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '10000' },
      connections: { type: 'string', default: '50' },
      concurrency: { type: 'string', default: '4' },
    },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));
  const db = await DynamoDbLocal.start();
  const client = localDynamoDbClient(db.endpoint);
  let server: LocalServer | undefined;
  try {
    const table = `load-run-${randomUUID().slice(0, 8)}`;
    await createTable(client, table);
    server = await startLocalServer(['--port', '0', '--concurrency', values.concurrency], {
      ...process.env,
      [DYNAMODB_VARIABLE]: db.endpoint,
      [TABLE_VARIABLE]: table,
    });
    const result = await autocannon({
      url: server.url,
      connections: Number(values.connections),
      amount: Number(values.requests),
      requests: trafficCycle(),
    });
    const created = count(result, '201');
    const stored = await countItems(client, table, { usersOnly: true });
    const perSecond = Math.round(result.requests.total / result.duration);
    const failures = [
      result.errors > 0 ? `${result.errors} connection errors` : '',
      result.timeouts > 0 ? `${result.timeouts} timeouts` : '',
      result.non2xx > 0 ? `${result.non2xx} non-2xx answers` : '',
      stored !== created ? `${stored} users stored but ${created} answered 201` : '',
    ].filter((failure) => failure !== '');
    console.log(
      [
        `Load run: ${result.requests.total} requests over ${result.connections} connections, ` +
          `${values.concurrency} warm workers (POST /users, GET /users/{id}, GET /users?limit=20 in turn)`,
        `  throughput  ${perSecond} requests/s (${result.duration.toFixed(1)} s in all)`,
        `  latency     p50 ${formatDuration(result.latency.p50)}, p99 ${formatDuration(result.latency.p99)}, max ${formatDuration(result.latency.max)}`,
        `  answers     201 × ${created}, 200 × ${count(result, '200')}; errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
        `  writes      ${stored} users in the table for ${created} answers 201`,
        failures.length === 0
          ? 'OK: no errors, no lost writes.'
          : `FAILED: ${failures.join('; ')}.`,
      ].join('\n'),
    );
    if (failures.length > 0) process.exitCode = 1;
  } finally {
    await server?.stop();
    client.destroy();
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
