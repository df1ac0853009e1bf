// class-validator (plainToInstance + validate) and the compiled validator side by side, on the
// benchmark's CreateUserDto and on an order of nested DTOs. Built and run by
// `npm run bench -- --validators`; prints one JSON line of medians.
import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { compileValidator } from '../src/validation/compiled/compile-validator';
import { DEFAULT_VALIDATOR_OPTIONS } from '../src/validation/validate-body';
import { CreateUserDto } from './implementations/shared/create-user-dto';
import { OrderDto } from './implementations/shared/order-dto';

interface Case {
  readonly body: string;
  readonly dto: new () => object;
  readonly json: object;
  readonly valid: boolean;
}

function order(lines: number, valid: boolean): object {
  return {
    customer: 'c-1',
    lines: Array.from({ length: lines }, (_, index) => ({
      sku: valid || index % 2 === 0 ? `sku-${index}` : '',
      quantity: valid || index % 3 !== 0 ? 1 + (index % 5) : 0,
    })),
  };
}

const CASES: readonly Case[] = [
  {
    body: 'CreateUserDto, valid',
    dto: CreateUserDto,
    json: { name: 'Ada Lovelace', email: 'ada@example.com' },
    valid: true,
  },
  {
    body: 'CreateUserDto, invalid',
    dto: CreateUserDto,
    json: { name: '', email: 'not an email', role: 'admin' },
    valid: false,
  },
  { body: 'OrderDto, 10 lines, valid', dto: OrderDto, json: order(10, true), valid: true },
  { body: 'OrderDto, 10 lines, invalid', dto: OrderDto, json: order(10, false), valid: false },
  { body: 'OrderDto, 100 lines, valid', dto: OrderDto, json: order(100, true), valid: true },
];

const ROUNDS = Number(process.env['ROUNDS'] ?? 15);
const SAMPLE_MS = Number(process.env['SAMPLE_MS'] ?? 40);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** µs per call of `run` (awaited), over as many calls as fit in SAMPLE_MS. */
async function sampleAsync(run: () => Promise<unknown>): Promise<number> {
  let calls = 0;
  const started = performance.now();
  let elapsed = 0;
  do {
    for (let batch = 0; batch < 50; batch += 1) await run();
    calls += 50;
    elapsed = performance.now() - started;
  } while (elapsed < SAMPLE_MS);
  return (elapsed * 1000) / calls;
}

/** µs per call of a synchronous `run`: awaiting it would add a microtask it does not need. */
function sampleSync(run: () => unknown): number {
  let calls = 0;
  const started = performance.now();
  let elapsed = 0;
  do {
    for (let batch = 0; batch < 50; batch += 1) run();
    calls += 50;
    elapsed = performance.now() - started;
  } while (elapsed < SAMPLE_MS);
  return (elapsed * 1000) / calls;
}

async function main(): Promise<void> {
  const rows: { body: string; classValidator: number; compiled: number; compileUs: number }[] = [];
  const runners = CASES.map((item) => {
    const started = performance.now();
    const compiled = compileValidator(item.dto, DEFAULT_VALIDATOR_OPTIONS);
    const compileUs = (performance.now() - started) * 1000;
    if (compiled === undefined) throw new Error(`${item.body}: the DTO did not compile`);
    const outcome = compiled(item.json);
    if ((outcome?.errors === undefined) !== item.valid) {
      throw new Error(`${item.body}: the compiled answer is not the expected one`);
    }
    return {
      item,
      compileUs,
      classValidator: async () =>
        validate(plainToInstance(item.dto, item.json), DEFAULT_VALIDATOR_OPTIONS),
      compiled: () => compiled(item.json),
    };
  });
  const samples = runners.map(() => ({ classValidator: [] as number[], compiled: [] as number[] }));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [index, runner] of runners.entries()) {
      // Interleaved, and in alternating order, so that drift and warm-up hit both alike.
      const both = samples[index];
      if (both === undefined) continue;
      if (round % 2 === 0) both.classValidator.push(await sampleAsync(runner.classValidator));
      both.compiled.push(sampleSync(runner.compiled));
      if (round % 2 === 1) both.classValidator.push(await sampleAsync(runner.classValidator));
    }
  }
  for (const [index, runner] of runners.entries()) {
    rows.push({
      body: runner.item.body,
      classValidator: median(samples[index]?.classValidator ?? []),
      compiled: median(samples[index]?.compiled ?? []),
      compileUs: runner.compileUs,
    });
  }
  process.stdout.write(`${JSON.stringify({ rounds: ROUNDS, rows })}\n`);
}

void main();
