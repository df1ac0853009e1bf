// Route matching alone, with 10, 100 and 1,000 routes: the framework's route table from src/,
// asked to match about ten requests spread over the table. The table must not be scanned per
// request, so the cost per match should not grow with the number of routes.
import 'reflect-metadata';
import { Get, Post } from '../../../src/decorators/route.ts';
import { buildRouteTable, type RouteTable } from '../../../src/routing/route-table.ts';
import { ROUTE_COUNTS, requestsFor, routeShape, runMain, runRounds } from './route-shapes.ts';

function tableWith(routeCount: number): RouteTable {
  class Api {}
  for (let index = 0; index < routeCount; index += 1) {
    const key = `route${index}`;
    Object.defineProperty(Api.prototype, key, { value: () => index });
    const descriptor = Object.getOwnPropertyDescriptor(Api.prototype, key) as PropertyDescriptor;
    const shape = routeShape(index);
    (shape.method === 'GET' ? Get : Post)(shape.template)(Api.prototype, key, descriptor);
  }
  return buildRouteTable(Api);
}

const ITERATIONS = 20_000;
const tables = new Map(
  ROUTE_COUNTS.map((count) => [count, { table: tableWith(count), requests: requestsFor(count) }]),
);

function nsPerMatch(count: number): number {
  const entry = tables.get(count as (typeof ROUTE_COUNTS)[number]);
  if (entry === undefined) throw new Error(`no table of ${count} routes`);
  let found = 0;
  const started = process.hrtime.bigint();
  for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
    for (const [method, path] of entry.requests) {
      if (entry.table.match(method, path).kind === 'found') found += 1;
    }
  }
  const elapsed = Number(process.hrtime.bigint() - started);
  if (found !== ITERATIONS * (entry.requests.length - 1)) {
    throw new Error(`${count} routes: ${found} matches, the benchmark is broken`);
  }
  return elapsed / (ITERATIONS * entry.requests.length);
}

runMain(runRounds(nsPerMatch, Number(process.env['BENCH_ROUNDS'] ?? 15)));
