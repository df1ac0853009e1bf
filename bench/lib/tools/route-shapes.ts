// The routes of a large API for the routing benchmarks: a mix of static, parameter and nested
// templates, half GET and half POST, and requests spread over the whole table plus one miss.

export const ROUTE_COUNTS = [10, 100, 1000] as const;

export interface RouteShape {
  readonly method: 'GET' | 'POST';
  readonly template: string;
  readonly requestPath: string;
}

export function routeShape(index: number): RouteShape {
  const method = index % 2 === 0 ? 'GET' : 'POST';
  if (index % 3 === 0) {
    return { method, template: `/resource${index}`, requestPath: `/resource${index}` };
  }
  if (index % 3 === 1) {
    return { method, template: `/resource${index}/{id}`, requestPath: `/resource${index}/42` };
  }
  return {
    method,
    template: `/resource${index}/{id}/items/{itemId}`,
    requestPath: `/resource${index}/42/items/7`,
  };
}

/** About ten requests spread evenly over a table of `count` routes, then one path that misses. */
export function requestsFor(count: number): Array<[method: string, path: string]> {
  const requests: Array<[string, string]> = [];
  for (let index = 0; index < count; index += Math.max(1, Math.floor(count / 10))) {
    const shape = routeShape(index);
    requests.push([shape.method, shape.requestPath]);
  }
  requests.push(['GET', '/missing/path']);
  return requests;
}

/** Times `measure` for each table size in interleaved rounds and prints the samples as JSON. */
export async function runRounds(
  measure: (count: number) => number | Promise<number>,
  rounds: number,
): Promise<void> {
  for (const count of ROUTE_COUNTS) await measure(count);
  const samples: Record<number, number[]> = Object.fromEntries(
    ROUTE_COUNTS.map((count) => [count, []]),
  );
  for (let round = 0; round < rounds; round += 1) {
    for (const count of ROUTE_COUNTS) samples[count]?.push(await measure(count));
  }
  process.stdout.write(`${JSON.stringify(samples)}\n`);
}

/** Runs a benchmark's main promise; a failure exits non-zero with its stack. */
export function runMain(main: Promise<void>): void {
  main.catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
    process.exitCode = 1;
  });
}
