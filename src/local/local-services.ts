/**
 * What `start()` of a services module is given. The module reads its own settings from `env`;
 * the function never sees that environment, only the `env` that `start()` returns.
 */
export interface ServicesStartOptions {
  /** `serve` for `npm start`, `invoke` for `npm run invoke`. */
  readonly command: 'serve' | 'invoke';
  /** The built function folder the services are started for (`--function`). */
  readonly functionDir: string;
  /** The environment `npm start` or `npm run invoke` runs in. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Writes a progress line where the command writes its own: stdout for `npm start`, stderr for
   * `npm run invoke`, whose stdout carries the result alone.
   */
  readonly log: (line: string) => void;
  /**
   * Aborted by Ctrl-C or SIGTERM while `start()` runs. Give up soon, then resolve with what did
   * start (its `stop()` is called at once) or reject after stopping it yourself.
   */
  readonly signal: AbortSignal;
}

/** What `start()` resolves to: the running services. */
export interface LocalServices {
  /** Extra environment variables for the function: endpoints, table names, fake credentials. */
  readonly env: Readonly<Record<string, string>>;
  /** Lines for the start banner, under the module's path: where each service listens. */
  readonly describe: readonly string[];
  /**
   * Stops what `start()` started. Called once: on Ctrl-C or SIGTERM, when the local server fails
   * to start after the services did, and at the end of `npm run invoke`.
   */
  readonly stop: () => Promise<void>;
}

/**
 * A services module, named by `--services MODULE`: it starts what a function needs around it
 * locally (a database, a queue, a stand-in for a third-party API) before the function's first
 * worker starts, and stops it when the local server stops. `MODULE` is a JavaScript file, or a
 * TypeScript file that Node can strip types from (no enums, no parameter properties). If
 * `start()` rejects, it must have stopped whatever it had started.
 *
 * @example
 * ```ts
 * // local/services.ts, run with: npm start -- --function dist/orders --services local/services.ts
 * import { startPaymentsStub } from './payments-stub.ts';
 *
 * export async function start(options: { env: Record<string, string | undefined> }) {
 *   const stub = await startPaymentsStub({ port: Number(options.env['PAYMENTS_PORT'] ?? 0) });
 *   return {
 *     env: { PAYMENTS_URL: stub.url },
 *     describe: [`payments stub on ${stub.url}`],
 *     stop: () => stub.close(),
 *   };
 * }
 * ```
 */
export interface ServicesModule {
  readonly start: (options: ServicesStartOptions) => Promise<LocalServices>;
}
