import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { EVENT_NAMES, type EventName } from '../events.ts';
import { lambdaEnv } from '../process-env.ts';
import type { Stage, StagedImplementation } from '../stage.ts';
import type { MeasureRequest, WorkerReply } from '../tools/protocol.ts';

export interface WarmResult {
  readonly name: string;
  readonly label: string;
  /** Nanoseconds per invocation, one sample per round. */
  readonly samples: Readonly<Record<EventName, readonly number[]>>;
  readonly iterations: Readonly<Record<EventName, number>>;
}

class WarmWorker {
  readonly #child: ChildProcess;
  readonly #stderr: string[] = [];
  #waiting: ((reply: WorkerReply) => void) | undefined;
  #exited = false;

  private constructor(child: ChildProcess) {
    this.#child = child;
    child.stderr?.on('data', (chunk: Buffer) => this.#stderr.push(chunk.toString()));
    child.on('message', (reply: WorkerReply) => this.#waiting?.(reply));
    child.on('exit', (code) => {
      this.#exited = true;
      this.#waiting?.({ type: 'failed', message: `exited with ${code}` });
    });
  }

  static start(tool: string, staged: StagedImplementation, sampleMs: number): WarmWorker {
    // stdout is discarded, as a pipe to the parent would add our own cost to any framework that
    // logs (the access-log row); in Lambda it is a pipe to the log agent.
    const child = spawn(process.execPath, [tool], {
      env: { ...lambdaEnv(staged), BENCH_SAMPLE_MS: String(sampleMs) },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    return new WarmWorker(child);
  }

  #next(): Promise<WorkerReply> {
    return new Promise((resolve) => {
      this.#waiting = (reply) => {
        this.#waiting = undefined;
        resolve(reply);
      };
    });
  }

  #fail(name: string, message: string): never {
    throw new Error(`${name}: ${message}\n${this.#stderr.join('')}`);
  }

  async ready(name: string): Promise<Readonly<Record<EventName, number>>> {
    const reply = await this.#next();
    if (reply.type === 'ready') return reply.iterations;
    return this.#fail(name, reply.type === 'failed' ? reply.message : 'unexpected reply');
  }

  async measure(name: string, event: EventName): Promise<number> {
    if (this.#exited) this.#fail(name, 'the worker has exited');
    const next = this.#next();
    const request: MeasureRequest = { type: 'measure', event };
    this.#child.send(request);
    const reply = await next;
    if (reply.type === 'sample') return reply.nsPerInvocation;
    return this.#fail(name, reply.type === 'failed' ? reply.message : 'unexpected reply');
  }

  async stop(): Promise<void> {
    if (this.#exited) return;
    const exited = once(this.#child, 'exit');
    this.#child.kill();
    await exited;
  }
}

function emptySamples(): Record<EventName, number[]> {
  return {
    'v2-get-user': [],
    'v2-list-users': [],
    'v2-create-user': [],
    'v2-create-invalid': [],
    'v1-get-user': [],
  };
}

/**
 * Figure A: one warm process per implementation; in each round every event is timed on every
 * implementation in turn (the order rotating between rounds), so machine noise spreads evenly.
 */
export async function measureWarm(
  stage: Stage,
  names: readonly string[],
  rounds: number,
  sampleMs: number,
  log: (line: string) => void,
): Promise<WarmResult[]> {
  const workers: Array<{ staged: StagedImplementation; worker: WarmWorker }> = [];
  const iterations = new Map<string, Readonly<Record<EventName, number>>>();
  const samples = new Map<string, Record<EventName, number[]>>();
  try {
    for (const name of names) {
      const staged = stage.implementations.get(name);
      if (staged === undefined) throw new Error(`${name} is not staged`);
      const worker = WarmWorker.start(stage.tools['warm-worker'], staged, sampleMs);
      workers.push({ staged, worker });
      // Started one after another: warm-up of one must not slow another's.
      iterations.set(name, await worker.ready(name));
      samples.set(name, emptySamples());
      log(`  A: ${name} answers correctly, warmed up`);
    }
    for (let round = 0; round < rounds; round += 1) {
      for (const event of EVENT_NAMES) {
        for (let turn = 0; turn < workers.length; turn += 1) {
          const entry = workers[(turn + round) % workers.length];
          if (entry === undefined) continue;
          const name = entry.staged.implementation.name;
          const value = await entry.worker.measure(name, event);
          samples.get(name)?.[event].push(value);
        }
      }
      log(`  A: round ${round + 1}/${rounds}`);
    }
  } finally {
    await Promise.all(workers.map(({ worker }) => worker.stop()));
  }
  return workers.map(({ staged }) => {
    const name = staged.implementation.name;
    const own = samples.get(name);
    const counts = iterations.get(name);
    if (own === undefined || counts === undefined) throw new Error(`${name} has no samples`);
    return { name, label: staged.implementation.label, samples: own, iterations: counts };
  });
}
