import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  DEFAULT_LAYER_MODULES,
  FunctionError,
  FunctionProcess,
} from '../../local/function-process';
import { httpApiEvent } from '../support/http-api-event';
import { bearerToken, issuerKey } from '../support/tokens';
import { compileFunction } from './support/compile-function';
import {
  COLLIDING_ROUTES,
  ESM_ROUTES,
  MIDDLEWARE_ROUTES,
  NO_ROUTES,
  PING_ROUTES,
  RESOLVED_ROUTES,
  SUBPATH_ROUTES,
  TYPE_ONLY_DTO_ROUTES,
  USERS_DTO,
  USERS_ROUTES,
  VERIFYING_ROUTES,
} from './support/layer-fixtures';
import { layerRuntimes } from './support/runtimes';

const runtimes = layerRuntimes();

interface ApiResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

async function call(
  fn: FunctionProcess,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const event = httpApiEvent(
    method,
    path,
    body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } },
  );
  const result = (await fn.invoke(event)) as ApiResult;
  return {
    status: result.statusCode,
    json: result.body === '' ? undefined : JSON.parse(result.body),
  };
}

async function initError(
  functionDir: string,
  nodeBinary: string,
  env: Record<string, string> = {},
): Promise<string> {
  try {
    const fn = await FunctionProcess.start({ functionDir, nodeBinary, env });
    await fn.stop();
  } catch (error) {
    if (error instanceof Error && error.cause instanceof FunctionError) return error.cause.message;
    throw error;
  }
  throw new Error(`${functionDir} started without an init error`);
}

/** The source files a built file was bundled from, as its source map lists them. */
function sourcesOf(builtFile: string): string[] {
  const map: unknown = JSON.parse(readFileSync(`${builtFile}.map`, 'utf8'));
  const sources: unknown =
    typeof map === 'object' && map !== null ? Reflect.get(map, 'sources') : [];
  return Array.isArray(sources) ? sources.map(String) : [];
}

/**
 * A package as npm ships it, for a function that brings its own copy: the layer's folder of the
 * same package only points into the layer's bundle.
 */
function publishedPackage(name: string): string {
  return resolve('node_modules', name);
}

/** What `SUBPATH_ROUTES` answers when both subpaths of the package resolved. */
const SUBPATHS_SERVED = { status: 200, json: { openapi: 'function', testing: 'function' } };

/** `SUBPATH_ROUTES` built as `routesFile` (CommonJS or ES module), started and asked once. */
async function servedSubpaths(routesFile: 'routes.js' | 'routes.mjs', binary: string) {
  const dir = compileFunction({ [routesFile]: SUBPATH_ROUTES });
  const fn = await FunctionProcess.start({ functionDir: dir, nodeBinary: binary });
  try {
    return await call(fn, 'GET', '/subpaths');
  } finally {
    await fn.stop();
  }
}

beforeAll(() => {
  if (!existsSync(join(DEFAULT_LAYER_MODULES, 'main.js')))
    throw new Error('Run npm run build first: layer-dist/ is missing.');
});

describe.each(runtimes)('the built layer on $label', ({ binary }) => {
  let fn: FunctionProcess;

  beforeAll(async () => {
    const dir = compileFunction({ 'routes.js': USERS_ROUTES, 'dto.js': USERS_DTO });
    fn = await FunctionProcess.start({ functionDir: dir, nodeBinary: binary });
  });

  afterAll(async () => {
    await fn.stop();
  });

  it('resolves main.handler from NODE_PATH and serves a route with a coerced parameter', async () => {
    expect(await call(fn, 'GET', '/users/42')).toEqual({
      status: 200,
      json: { id: 42, type: 'number' },
    });
  });

  it('gives routes.js the layer copies of lambda-controllers, class-validator and class-transformer', async () => {
    const { json } = await call(fn, 'GET', '/introspect');
    const layer = resolve(DEFAULT_LAYER_MODULES);
    expect(json).toMatchObject({
      resolved: {
        validator: expect.stringContaining(`${layer}/class-validator/`),
        transformer: expect.stringContaining(`${layer}/class-transformer/`),
        framework: expect.stringContaining(`${layer}/lambda-controllers/`),
      },
    });
  });

  it('validates a @Body() DTO found through design:paramtypes, nested @Type included', async () => {
    expect(await call(fn, 'POST', '/users', { name: 'Ada', address: { city: 'London' } })).toEqual({
      status: 201,
      json: { name: 'Ada', city: 'London', isDto: true },
    });
    expect(await call(fn, 'POST', '/users', { name: 'Ada', address: { city: 7 } })).toMatchObject({
      status: 400,
      json: { errors: { 'address.city': ['city must be a string'] } },
    });
  });

  it('C96: builds the route table once per container and does no reflection per request', async () => {
    const first = (await call(fn, 'GET', '/introspect')).json as {
      constructed: number;
      reflections: number;
    };
    await call(fn, 'GET', '/users/1');
    await call(fn, 'POST', '/users', { name: 'Bo', address: { city: 'Oslo' } });
    const second = (await call(fn, 'GET', '/introspect')).json as {
      constructed: number;
      reflections: number;
    };
    expect(first.constructed).toBe(1);
    expect(second).toMatchObject({ constructed: 1, reflections: first.reflections });
  });

  it('loads no module of the OpenAPI builder or the test client on a cold start', async () => {
    // Prepare: a container that has answered nothing yet.
    const dir = compileFunction({ 'routes.js': USERS_ROUTES, 'dto.js': USERS_DTO });
    const cold = await FunctionProcess.start({ functionDir: dir, nodeBinary: binary });

    // Act: its first request lists the modules the process holds.
    const { json } = await call(cold, 'GET', '/introspect');
    await cold.stop();

    // Assess
    const dist = resolve(DEFAULT_LAYER_MODULES, 'lambda-controllers/dist');
    // The framework's modules run from the layer's bundle; their files are shims into it.
    const bundle = resolve(DEFAULT_LAYER_MODULES, 'layer-bundle.js');
    const loaded = (json as { modules: string[] }).modules.filter(
      (file) => file.startsWith(`${dist}/`) || file === bundle,
    );
    const sources = loaded.filter((file) => existsSync(`${file}.map`)).flatMap(sourcesOf);
    expect(loaded).toEqual(expect.arrayContaining([join(dist, 'index.js'), join(dist, 'main.js')]));
    expect(loaded).not.toContain(join(dist, 'openapi.js'));
    expect(loaded).not.toContain(join(dist, 'testing.js'));
    expect(sources.filter((source) => /\/src\/(openapi|testing)\//.test(source))).toEqual([]);
    expect(sources).toEqual(expect.arrayContaining([expect.stringContaining('/src/handler/')]));
  });

  it('exports a handler with two parameters, as the Node.js 24 runtime requires', async () => {
    expect(
      ((await call(fn, 'GET', '/introspect')).json as { handlerArity: number }).handlerArity,
    ).toBe(2);
  });

  it('resolves lambda-controllers/openapi and /testing for a CommonJS routes.js', async () => {
    expect(await servedSubpaths('routes.js', binary)).toEqual(SUBPATHS_SERVED);
  });

  it('C92: loads routes.cjs', async () => {
    const dir = compileFunction({ 'routes.cjs': PING_ROUTES.replace('class Api', 'class routes') });
    const cjs = await FunctionProcess.start({ functionDir: dir, nodeBinary: binary });
    expect(await call(cjs, 'GET', '/ping')).toEqual({ status: 200, json: 'pong' });
    await cjs.stop();
  });

  it('runs the global middleware of handlerOptions outside @Use middleware', async () => {
    const dir = compileFunction({ 'routes.js': MIDDLEWARE_ROUTES });
    const wrapped = await FunctionProcess.start({ functionDir: dir, nodeBinary: binary });
    const ping = (await wrapped.invoke(httpApiEvent('GET', '/ping'))) as ApiResult;
    const missing = (await wrapped.invoke(httpApiEvent('GET', '/nowhere'))) as ApiResult;
    await wrapped.stop();

    expect(ping.headers['x-trace']).toBe('global class method');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['x-trace']).toBe('global');
  });

  it('loads aws-jwt-verify from the layer on the first token to verify, not at cold start', async () => {
    // Arrange
    const key = issuerKey();
    const routes = VERIFYING_ROUTES.replace('JWKS', JSON.stringify({ keys: [key.jwk] }));
    const dir = compileFunction({ 'routes.js': routes });
    const verifying = await FunctionProcess.start({ functionDir: dir, nodeBinary: binary });
    const token = bearerToken(key, { sub: 'ada', scope: 'orders:read' });

    // Act
    const cold = (await verifying.invoke(httpApiEvent('GET', '/modules'))) as ApiResult;
    const anonymous = (await verifying.invoke(httpApiEvent('GET', '/orders'))) as ApiResult;
    const verified = (await verifying.invoke(
      httpApiEvent('GET', '/orders', { headers: { authorization: `Bearer ${token}` } }),
    )) as ApiResult;
    await verifying.stop();

    // Assess
    expect(JSON.parse(cold.body)).toEqual([]);
    expect(anonymous.statusCode).toBe(401);
    const answer = JSON.parse(verified.body) as {
      subject: string;
      source: string;
      modules: string[];
    };
    expect(answer).toMatchObject({ subject: 'ada', source: 'verified-jwt' });
    expect(answer.modules.length).toBeGreaterThan(0);
    const layer = resolve(DEFAULT_LAYER_MODULES);
    expect(answer.modules.every((file) => file.startsWith(`${layer}/aws-jwt-verify/`))).toBe(true);
  });

  it('constructs controllers with the resolve option of handlerOptions', async () => {
    const dir = compileFunction({ 'routes.js': RESOLVED_ROUTES });
    const resolved = await FunctionProcess.start({ functionDir: dir, nodeBinary: binary });
    expect(await call(resolved, 'GET', '/ping')).toEqual({ status: 200, json: 'resolved pong' });
    await resolved.stop();
  });

  it('honours ROUTES_MODULE and ROUTES_EXPORT', async () => {
    const dir = compileFunction({ 'api/handlers.js': PING_ROUTES });
    const custom = await FunctionProcess.start({
      functionDir: dir,
      nodeBinary: binary,
      env: { ROUTES_MODULE: 'api/handlers', ROUTES_EXPORT: 'Api' },
    });
    expect(await call(custom, 'GET', '/ping')).toEqual({ status: 200, json: 'pong' });
    await custom.stop();
  });

  it('C93: keeps decorator metadata when the function ships its own reflect-metadata', async () => {
    const dir = compileFunction({
      'routes.js': `require('reflect-metadata');\n${USERS_ROUTES}`,
      'dto.js': USERS_DTO,
    });
    cpSync(publishedPackage('reflect-metadata'), join(dir, 'node_modules/reflect-metadata'), {
      recursive: true,
    });
    const twoCopies = await FunctionProcess.start({ functionDir: dir, nodeBinary: binary });
    expect(
      await call(twoCopies, 'POST', '/users', { name: 'Ada', address: { city: 'Rome' } }),
    ).toMatchObject({ status: 201 });
    await twoCopies.stop();
  });

  describe('C94: init errors name the file and the export', () => {
    it('for a missing routes module', async () => {
      const dir = compileFunction({ 'other.js': NO_ROUTES });
      expect(await initError(dir, binary)).toMatch(
        /RoutesModuleError: No routes module: looked for .*\/routes\.js, .*\/routes\.cjs, .*\/routes\.mjs/,
      );
    });

    it('for a missing export', async () => {
      const dir = compileFunction({ 'routes.js': PING_ROUTES });
      expect(await initError(dir, binary)).toMatch(
        /routes\.js has no export "routes" \(its exports: \["Api"\]\)/,
      );
    });

    it('for a class without routes', async () => {
      const dir = compileFunction({ 'routes.js': NO_ROUTES });
      expect(await initError(dir, binary)).toMatch(
        /Controller routes \(export "routes" of .*routes\.js\) has no routes/,
      );
    });

    it('C55: for colliding routes, naming both', async () => {
      const dir = compileFunction({ 'routes.js': COLLIDING_ROUTES });
      expect(await initError(dir, binary)).toContain(
        'Routes collide: GET /users/{userId} on routes.two',
      );
    });

    it('C70: for @Body() in a build without decorator metadata', async () => {
      const dir = compileFunction(
        { 'routes.js': USERS_ROUTES, 'dto.js': USERS_DTO },
        { metadata: false },
      );
      expect(await initError(dir, binary)).toMatch(
        /@Body\(\) on parameter 0 of routes\.create \(export "routes" of .*routes\.js\) has no type metadata/,
      );
    });

    it('C70: for a DTO imported with import type', async () => {
      const dir = compileFunction({ 'routes.js': TYPE_ONLY_DTO_ROUTES, 'dto.js': USERS_DTO });
      expect(await initError(dir, binary)).toMatch(
        /@Body\(\) on parameter 0 of routes\.create \(export "routes" of .*routes\.js\) has the type Object/,
      );
    });

    it('C83: for a function that ships its own class-transformer', async () => {
      const dir = compileFunction({ 'routes.js': USERS_ROUTES, 'dto.js': USERS_DTO });
      mkdirSync(join(dir, 'node_modules'), { recursive: true });
      cpSync(publishedPackage('class-transformer'), join(dir, 'node_modules/class-transformer'), {
        recursive: true,
      });
      expect(await initError(dir, binary)).toMatch(
        /loaded a second copy of class-transformer: .*node_modules\/class-transformer and .*node_modules\/class-transformer/,
      );
    });
  });
});

// Lambda's Node.js runtimes search NODE_PATH for ES modules since Node 18; the local worker
// emulates that with module.registerHooks, which Node 22.15+ has (Lambda runs 22 and 24).
const esmRuntimes = runtimes.filter(({ label }) => Number(/node v(\d+)/.exec(label)?.[1]) >= 22);

describe('an ES-module routes.mjs', () => {
  it('runs on at least one Lambda Node version', () => {
    expect(esmRuntimes.length).toBeGreaterThan(0);
  });

  it.each(esmRuntimes)(
    'C92: imports lambda-controllers and class-validator from the layer on $label',
    async ({ binary }) => {
      const dir = compileFunction({ 'routes.mjs': ESM_ROUTES });
      const esm = await FunctionProcess.start({ functionDir: dir, nodeBinary: binary });
      expect(await call(esm, 'GET', '/kind')).toEqual({ status: 200, json: { module: 'esm' } });
      expect(await call(esm, 'POST', '/notes', { text: 7 })).toMatchObject({ status: 400 });
      expect(await call(esm, 'POST', '/notes', { text: 'hi' })).toEqual({
        status: 200,
        json: { text: 'hi' },
      });
      await esm.stop();
    },
  );

  it.each(esmRuntimes)(
    'imports lambda-controllers/openapi and /testing from the layer on $label',
    async ({ binary }) => {
      expect(await servedSubpaths('routes.mjs', binary)).toEqual(SUBPATHS_SERVED);
    },
  );
});
