// Walks every page of `GET /users?limit=N` through the sample API's main.handler (the built
// layer and routes.js) against DynamoDB Local, and prints how many pages and users it saw.

import { lambdaContext } from '../../../src/test/support/lambda-context.ts';
import type { EventName } from '../events.ts';
import { EVENT_JSON } from '../events.ts';
import { loadHandler } from './load-handler.ts';

const LIST: EventName = 'v2-list-users';

function listEvent(limit: number, cursor: string | null): unknown {
  const event = JSON.parse(EVENT_JSON[LIST]) as Record<string, unknown>;
  const query: Record<string, string> = { limit: String(limit) };
  if (cursor !== null) query['cursor'] = cursor;
  event['rawQueryString'] = new URLSearchParams(query).toString();
  event['queryStringParameters'] = query;
  return event;
}

function pageOf(result: unknown): { items: number; nextCursor: string | null } {
  const status: unknown = Reflect.get(Object(result), 'statusCode');
  const body: unknown = Reflect.get(Object(result), 'body');
  if (status !== 200 || typeof body !== 'string') {
    throw new Error(`GET /users answered ${JSON.stringify(result).slice(0, 300)}`);
  }
  const page: unknown = JSON.parse(body);
  const items: unknown = Reflect.get(Object(page), 'items');
  const next: unknown = Reflect.get(Object(page), 'nextCursor');
  if (!Array.isArray(items) || !(typeof next === 'string' || next === null)) {
    throw new Error(`GET /users answered the page ${body.slice(0, 300)}`);
  }
  return { items: items.length, nextCursor: next };
}

async function main(): Promise<void> {
  const limit = Number(process.env['BENCH_LIMIT'] ?? 20);
  const handler = loadHandler(process.env);
  const sizes: number[] = [];
  let cursor: string | null = null;
  do {
    const page = pageOf(await handler(listEvent(limit, cursor), lambdaContext()));
    sizes.push(page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  process.stdout.write(`${JSON.stringify({ pages: sizes.length, pageSizes: sizes })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
  process.exitCode = 1;
});
