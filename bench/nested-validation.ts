// Validation of a body holding a nested 1,000-item array of DTOs: class-validator reads its
// metadata per class, so the cost should grow with the items, not with repeated compilation.
// Run with `npm run bench:validation`. Prints the median milliseconds per body over several rounds.
import 'reflect-metadata';
import { DEFAULT_VALIDATOR_OPTIONS, validateBody } from '../src/validation/validate-body';
import { OrderDto } from './implementations/shared/order-dto';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function timeOne(lineCount: number): Promise<number> {
  const body = {
    customer: 'c-1',
    lines: Array.from({ length: lineCount }, (_, index) => ({
      sku: `sku-${index}`,
      quantity: 1 + (index % 5),
    })),
  };
  const started = process.hrtime.bigint();
  const order = await validateBody(OrderDto, body, DEFAULT_VALIDATOR_OPTIONS);
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (order.lines.length !== lineCount)
    throw new Error('validation dropped lines: the benchmark is broken');
  return elapsed;
}

async function main(): Promise<void> {
  const rounds = Number(process.env['ROUNDS'] ?? 15);
  const sizes = [10, 100, 1000];
  for (const size of sizes) await timeOne(size);
  const samples = new Map<number, number[]>(sizes.map((size) => [size, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const size of sizes) samples.get(size)?.push(await timeOne(size));
  }
  process.stdout.write(
    `| lines | ms per body (median of ${rounds}) | µs per line |\n|---:|---:|---:|\n`,
  );
  for (const size of sizes) {
    const value = median(samples.get(size) ?? []);
    process.stdout.write(
      `| ${size} | ${value.toFixed(2)} | ${((value * 1000) / size).toFixed(1)} |\n`,
    );
  }
}

void main();
