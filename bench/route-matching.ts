// Route matching cost with 10, 100 and 1,000 routes: the table must not be scanned per request.
// Run with `npm run bench:routing`. Prints the median nanoseconds per match over several rounds.
import 'reflect-metadata';
import { Get, Post } from '../src/decorators/route';
import { buildRouteTable, type RouteTable } from '../src/routing/route-table';

function tableWith(routeCount: number): RouteTable {
  class Api {}
  for (let index = 0; index < routeCount; index += 1) {
    const key = `route${index}`;
    Object.defineProperty(Api.prototype, key, { value: () => index });
    const descriptor = Object.getOwnPropertyDescriptor(Api.prototype, key) as PropertyDescriptor;
    // A mix of static, parameter and nested templates, as a large API has.
    const template =
      index % 3 === 0
        ? `/resource${index}`
        : index % 3 === 1
          ? `/resource${index}/{id}`
          : `/resource${index}/{id}/items/{itemId}`;
    (index % 2 === 0 ? Get : Post)(template)(Api.prototype, key, descriptor);
  }
  return buildRouteTable(Api);
}

function requestsFor(routeCount: number): Array<[string, string]> {
  const requests: Array<[string, string]> = [];
  for (let index = 0; index < routeCount; index += Math.max(1, Math.floor(routeCount / 10))) {
    const method = index % 2 === 0 ? 'GET' : 'POST';
    const path =
      index % 3 === 0
        ? `/resource${index}`
        : index % 3 === 1
          ? `/resource${index}/42`
          : `/resource${index}/42/items/7`;
    requests.push([method, path]);
  }
  requests.push(['GET', '/missing/path']);
  return requests;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function measure(table: RouteTable, requests: Array<[string, string]>, iterations: number): number {
  let found = 0;
  const started = process.hrtime.bigint();
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    for (const [method, path] of requests)
      if (table.match(method, path).kind === 'found') found += 1;
  }
  const elapsed = Number(process.hrtime.bigint() - started);
  if (found === 0) throw new Error('no request matched: the benchmark is broken');
  return elapsed / (iterations * requests.length);
}

const sizes = [10, 100, 1000];
const rounds = Number(process.env['ROUNDS'] ?? 15);
const tables = sizes.map((size) => ({ size, table: tableWith(size), requests: requestsFor(size) }));
const samples = new Map<number, number[]>(sizes.map((size) => [size, []]));
for (const { table, requests } of tables) measure(table, requests, 20_000);
// Interleaved rounds, so machine noise affects every size alike.
for (let round = 0; round < rounds; round += 1) {
  for (const { size, table, requests } of tables)
    samples.get(size)?.push(measure(table, requests, 20_000));
}
const base = median(samples.get(10) ?? []);
process.stdout.write(
  `| routes | ns per match (median of ${rounds}) | × 10 routes |\n|---:|---:|---:|\n`,
);
for (const size of sizes) {
  const value = median(samples.get(size) ?? []);
  process.stdout.write(`| ${size} | ${value.toFixed(0)} | ${(value / base).toFixed(2)} |\n`);
}
