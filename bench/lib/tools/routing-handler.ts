// Whole invocations through lambda-controllers' createHandler, loaded from the layer, with 10,
// 100 and 1,000 routes: what a request costs end to end as the API grows.
import { createHandler, Get, type LambdaHandler, Post } from 'lambda-controllers';
import { httpApiEvent } from '../../../src/test/support/http-api-event.ts';
import { lambdaContext } from '../../../src/test/support/lambda-context.ts';
import { ROUTE_COUNTS, requestsFor, routeShape, runMain, runRounds } from './route-shapes.ts';

function handlerWith(routeCount: number): LambdaHandler {
  class Api {}
  for (let index = 0; index < routeCount; index += 1) {
    const key = `route${index}`;
    Object.defineProperty(Api.prototype, key, { value: () => ({ index }) });
    const descriptor = Object.getOwnPropertyDescriptor(Api.prototype, key) as PropertyDescriptor;
    const shape = routeShape(index);
    (shape.method === 'GET' ? Get : Post)(shape.template)(Api.prototype, key, descriptor);
  }
  return createHandler(Api, { accessLog: false });
}

const ITERATIONS = 1_000;
const context = lambdaContext();
const setups = new Map(
  ROUTE_COUNTS.map((count) => [
    count,
    {
      handler: handlerWith(count),
      events: requestsFor(count).map(([method, path]) => httpApiEvent(method, path)),
    },
  ]),
);

async function nsPerInvocation(count: number): Promise<number> {
  const setup = setups.get(count as (typeof ROUTE_COUNTS)[number]);
  if (setup === undefined) throw new Error(`no handler of ${count} routes`);
  const started = process.hrtime.bigint();
  for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
    for (const request of setup.events) await setup.handler(request, context);
  }
  return Number(process.hrtime.bigint() - started) / (ITERATIONS * setup.events.length);
}

async function main(): Promise<void> {
  for (const [count, setup] of setups) {
    const statuses = await Promise.all(
      setup.events.map(async (request) =>
        Reflect.get(Object(await setup.handler(request, context)), 'statusCode'),
      ),
    );
    const expected = [...setup.events.slice(0, -1).map(() => 200), 404];
    if (JSON.stringify(statuses) !== JSON.stringify(expected)) {
      throw new Error(
        `${count} routes answered ${JSON.stringify(statuses)}, expected ${JSON.stringify(expected)}`,
      );
    }
  }
  await runRounds(nsPerInvocation, Number(process.env['BENCH_ROUNDS'] ?? 15));
}

runMain(main());
