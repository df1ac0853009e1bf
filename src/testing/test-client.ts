import {
  type Controller,
  type ControllerResolver,
  createHandler,
  type HandlerOptions,
  type LambdaHandler,
} from '../index';
import type { TestPrincipal } from './authorizer-context';
import { buildEvent } from './build-event';
import { toClientRequest } from './client-request';
import { testLambdaContext } from './lambda-context';
import type { TestRequestInit, TestSource } from './test-request';
import { readResult, type TestResponse } from './test-response';

/**
 * Options of `testClient`: the handler's options, plus the defaults of every request.
 *
 * @example
 * ```ts
 * const client = testClient(UsersController, { source: 'rest', accessLog: true });
 * ```
 */
export interface TestClientOptions extends HandlerOptions {
  /** The source of every request that names none. @defaultValue `http-api` */
  readonly source?: TestSource;
  /** The principal of every request that gives none. @defaultValue none */
  readonly principal?: TestPrincipal;
}

/**
 * A request's `init` without its body, which `post`, `put` and `patch` take apart.
 *
 * @example
 * ```ts
 * await client.post('/users', { name: 'Ada' }, { headers: { 'idempotency-key': 'k-1' } });
 * ```
 */
export type TestRequestOptions = Omit<TestRequestInit, 'body'>;

/**
 * Sends requests to controllers through the handler `createHandler` builds for them, each as the
 * real event of its source; see `testClient`.
 *
 * @example
 * ```ts
 * const created = await client.post('/users', { name: 'Ada', email: 'ada@example.com' });
 * ```
 */
export interface TestClient {
  /** The handler the requests go through. */
  readonly handler: LambdaHandler;
  request(method: string, path: string, init?: TestRequestInit): Promise<TestResponse>;
  get(path: string, init?: TestRequestOptions): Promise<TestResponse>;
  delete(path: string, init?: TestRequestOptions): Promise<TestResponse>;
  post(path: string, body?: unknown, init?: TestRequestOptions): Promise<TestResponse>;
  put(path: string, body?: unknown, init?: TestRequestOptions): Promise<TestResponse>;
  patch(path: string, body?: unknown, init?: TestRequestOptions): Promise<TestResponse>;
}

type PlainController = new () => object;

/**
 * Creates a client that tests controllers without a server or a mock: each request becomes the
 * event its source (`http-api` by default) sends, with headers, query, cookies, body and the
 * principal's authorizer context where AWS writes them; it goes through `createHandler`, and the
 * answer is read back from the source's result format.
 *
 * @param routes - A controller class or an array of them, as `createHandler` takes them.
 * @param options - `createHandler`'s options (`resolve` gives a controller fakes), plus a default
 * `source` and `principal`. The access log is off unless `accessLog` says otherwise.
 * @returns The client; its handler is built now, so a cold-start error throws here.
 * @throws What `createHandler` throws for unusable controllers or options.
 * @example
 * ```ts
 * import { testClient } from 'lambda-controllers/testing';
 *
 * const client = testClient(UsersController, {
 *   resolve: () => new UsersController(fakeRepository),
 * });
 * const response = await client.get('/users', { query: { limit: 5 }, source: 'rest' });
 * expect(response.status).toBe(200);
 * expect(response.json()).toEqual({ items: [], nextCursor: null });
 * ```
 */
export function testClient(
  routes: PlainController | readonly PlainController[],
  options?: TestClientOptions,
): TestClient;
export function testClient(
  routes: Controller | readonly Controller[],
  options: TestClientOptions & { readonly resolve: ControllerResolver },
): TestClient;
export function testClient(
  routes: Controller | readonly Controller[],
  options: TestClientOptions = {},
): TestClient {
  const { source: defaultSource = 'http-api', principal: defaultPrincipal, ...rest } = options;
  // createHandler checks the controllers at run time; the overloads above check their types.
  const handler = createHandler(routes as PlainController | readonly PlainController[], {
    accessLog: false,
    ...rest,
  });
  const request = async (
    method: string,
    path: string,
    init: TestRequestInit = {},
  ): Promise<TestResponse> => {
    const client = toClientRequest(method, path, init);
    const principal = init.principal ?? defaultPrincipal;
    const event = buildEvent(init.source ?? defaultSource, client, principal);
    return readResult(await handler(event, testLambdaContext(client.requestId)), client.requestId);
  };
  const withBody =
    (method: string) =>
    (path: string, body?: unknown, init: TestRequestOptions = {}) =>
      request(method, path, { ...init, body });
  return {
    handler,
    request,
    get: (path, init) => request('GET', path, init),
    delete: (path, init) => request('DELETE', path, init),
    post: withBody('POST'),
    put: withBody('PUT'),
    patch: withBody('PATCH'),
  };
}
