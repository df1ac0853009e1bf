import { FunctionError, FunctionTimeoutError, WorkerExitedError } from './function-process';
import { type InvokeOutcome, type PooledWorker, WorkerPool } from './worker-pool';

/** A worker whose invocations the test settles by hand. */
class FakeWorker implements PooledWorker {
  exited = false;
  stopped = false;
  readonly events: unknown[] = [];
  #settle: Array<{ resolve(payload: unknown): void; reject(error: Error): void }> = [];

  invoke(event: unknown): Promise<unknown> {
    this.events.push(event);
    return new Promise((resolve, reject) => this.#settle.push({ resolve, reject }));
  }

  answer(payload: unknown): void {
    this.#settle.shift()?.resolve(payload);
  }

  fail(error: Error, exits = false): void {
    this.exited = exits;
    this.#settle.shift()?.reject(error);
  }

  async stop(): Promise<void> {
    this.exited = true;
    this.stopped = true;
  }
}

/** Lets every promise chain that is ready run, so the pool reaches its next resting state. */
function settle(): Promise<void> {
  return new Promise((done) => setImmediate(done));
}

/** A pool whose n-th worker start fails with `failures[n]` when that entry is an error. */
function poolOf(maxWorkers: number, failures: Array<Error | undefined> = []) {
  const started: FakeWorker[] = [];
  const backgroundErrors: string[] = [];
  const pool = new WorkerPool({
    maxWorkers,
    startWorker: async () => {
      const failure = failures.shift();
      if (failure !== undefined) throw failure;
      const worker = new FakeWorker();
      started.push(worker);
      return worker;
    },
    onBackgroundError: (message) => backgroundErrors.push(message),
  });
  return { pool, started, backgroundErrors };
}

describe('WorkerPool', () => {
  it('serves invocations one after another on the same warm worker', async () => {
    // Prepare
    const { pool, started } = poolOf(4);
    await pool.warm();
    // Act
    const first = pool.invoke('a', 'id-1');
    await settle();
    started[0]?.answer(1);
    const firstOutcome = await first;
    const second = pool.invoke('b', 'id-2');
    await settle();
    started[0]?.answer(2);
    // Assess
    expect(firstOutcome).toEqual({ kind: 'result', payload: 1 });
    expect(await second).toEqual({ kind: 'result', payload: 2 });
    expect(started).toHaveLength(1);
  });

  it('starts a worker per concurrent invocation up to the limit, then queues', async () => {
    // Prepare
    const { pool, started } = poolOf(2);
    // Act
    const outcomes = ['a', 'b', 'c'].map((event, index) => pool.invoke(event, `id-${index}`));
    await settle();
    const startedBeforeRelease = started.length;
    started[0]?.answer('A');
    await settle();
    // Assess
    expect(startedBeforeRelease).toBe(2);
    expect(started[0]?.events).toEqual(['a', 'c']);
    expect(started[1]?.events).toEqual(['b']);
    started[0]?.answer('C');
    started[1]?.answer('B');
    expect(await Promise.all(outcomes)).toEqual([
      { kind: 'result', payload: 'A' },
      { kind: 'result', payload: 'B' },
      { kind: 'result', payload: 'C' },
    ]);
  });

  it('keeps the worker after a function error, as the Node.js runtime does', async () => {
    // Prepare
    const { pool, started } = poolOf(1);
    await pool.warm();
    // Act
    const outcome = pool.invoke('a', 'id-1');
    await settle();
    started[0]?.fail(new FunctionError({ errorType: 'Error', errorMessage: 'boom', stack: [] }));
    // Assess
    expect(await outcome).toEqual({
      kind: 'function-error',
      error: { errorType: 'Error', errorMessage: 'boom', stack: [] },
    });
    expect(started[0]?.stopped).toBe(false);
    expect(pool.size).toBe(1);
  });

  it.each([
    [
      'a timeout',
      new FunctionTimeoutError(1000),
      { kind: 'timeout', message: 'Task timed out after 1.00 seconds' },
    ],
    [
      'a crash',
      new WorkerExitedError(1, null),
      { kind: 'crash', message: "The function's process exited (code 1, signal null)." },
    ],
  ])('replaces the worker after %s', async (_case, error, expected) => {
    // Prepare
    const { pool, started } = poolOf(4);
    await pool.warm();
    // Act
    const outcome = pool.invoke('a', 'id-1');
    await settle();
    started[0]?.fail(error, true);
    const result = await outcome;
    await settle();
    // Assess
    expect(result).toEqual(expected);
    expect(started[0]?.stopped).toBe(true);
    expect(started).toHaveLength(2);
    expect(pool.size).toBe(1);
  });

  it('reports an init error to the request and tries again on the next one', async () => {
    // Prepare
    const { pool, started } = poolOf(1, [new Error('RoutesModuleError: no routes.js')]);
    // Act
    const failed = await pool.invoke('a', 'id-1');
    const retried = pool.invoke('b', 'id-2');
    await settle();
    started[0]?.answer('ok');
    // Assess
    expect(failed).toEqual({ kind: 'init-error', message: 'RoutesModuleError: no routes.js' });
    expect(await retried).toEqual({ kind: 'result', payload: 'ok' });
  });

  it('reports a replacement that fails to start, since no request waits for it', async () => {
    // Prepare
    const { pool, started, backgroundErrors } = poolOf(1, [undefined, new Error('init failed')]);
    await pool.warm();
    const outcome = pool.invoke('a', 'id-1');
    await settle();
    // Act
    started[0]?.fail(new WorkerExitedError(null, 'SIGKILL'), true);
    await outcome;
    await settle();
    // Assess
    expect(backgroundErrors).toEqual(['init failed']);
    expect(pool.size).toBe(0);
  });

  it('retires idle workers on reload and busy ones once they finish', async () => {
    // Prepare
    const { pool, started } = poolOf(4);
    await pool.warm();
    const busy = pool.invoke('a', 'id-1');
    await settle();
    await pool.warm();
    // Act
    await pool.reload();
    const idleStopped = started[1]?.stopped;
    started[0]?.answer('old code');
    await busy;
    await settle();
    // Assess
    expect(idleStopped).toBe(true);
    expect(started[0]?.stopped).toBe(true);
    expect(started).toHaveLength(3);
    expect(pool.size).toBe(1);
  });

  it('stops every worker and turns away requests still waiting', async () => {
    // Prepare
    const { pool, started } = poolOf(1);
    const running = pool.invoke('a', 'id-1');
    const waiting = pool.invoke('b', 'id-2');
    await settle();
    // Act
    await pool.stop();
    started[0]?.fail(new WorkerExitedError(null, 'SIGKILL'), true);
    const outcomes: InvokeOutcome[] = await Promise.all([running, waiting]);
    // Assess
    expect(started[0]?.stopped).toBe(true);
    expect(outcomes[0]).toMatchObject({ kind: 'crash' });
    expect(outcomes[1]).toEqual({ kind: 'init-error', message: 'The local server is stopping.' });
    expect(await pool.invoke('c', 'id-3')).toEqual({
      kind: 'init-error',
      message: 'The local server is stopping.',
    });
  });
});
