import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FunctionProcess } from '../../../src/local/function-process';
import { type HttpApiRequest, httpApiEvent } from '../../../src/test/support/http-api-event.ts';
import { LOCAL_AWS_ENV } from '../../local/dynamodb-local.ts';
import { type ApiResponse, toApiResponse } from './api-response.ts';
import { dynamoDbEndpoint } from './test-table.ts';

const REPO_ROOT = resolve(__dirname, '../../..');

/** Where `npm run build` puts the deployable sample function (its `routes.js`). */
export const BUILT_FUNCTION_DIR = join(REPO_ROOT, 'layer-dist/functions/sample-api');

/** The built sample, running in one or more warm Lambda-like worker processes. */
export interface SampleFunction {
  /** Sends `spec` as an HTTP API event through `main.handler`. */
  request(spec: HttpApiRequest): Promise<ApiResponse>;
  /** Invokes `main.handler` with any event; resolves with its raw result. */
  invoke(event: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * Starts the built sample against `tableName` in DynamoDB Local. Several workers stand for
 * several Lambda containers: requests are spread over them round-robin.
 */
export async function startSampleFunction(
  tableName: string,
  options: { readonly workers?: number } = {},
): Promise<SampleFunction> {
  if (!existsSync(join(BUILT_FUNCTION_DIR, 'routes.js'))) {
    throw new Error(`${BUILT_FUNCTION_DIR}/routes.js is missing: run "npm run build" first.`);
  }
  const env = {
    ...LOCAL_AWS_ENV,
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: dynamoDbEndpoint(),
  };
  const workers = await Promise.all(
    Array.from({ length: options.workers ?? 1 }, () =>
      FunctionProcess.start({ functionDir: BUILT_FUNCTION_DIR, env }),
    ),
  );
  let next = 0;
  const pick = (): FunctionProcess => {
    const worker = workers[next++ % workers.length];
    if (worker === undefined) throw new Error('No worker was started');
    return worker;
  };
  return {
    invoke: (event) => pick().invoke(event),
    request: async (spec) =>
      toApiResponse(await pick().invoke(httpApiEvent(spec.method, spec.path, spec))),
    stop: async () => {
      await Promise.all(workers.map((worker) => worker.stop()));
    },
  };
}
