import { join } from 'node:path';
import type { ServicesStartOptions } from './local-services';
import {
  describeServicesError,
  NO_SERVICES,
  openServices,
  ServicesError,
  startServices,
} from './start-services';

const FILE = join(process.cwd(), 'local/services.mjs');

const options: ServicesStartOptions = {
  command: 'serve',
  functionDir: '/fn',
  env: { SETTING: 'on' },
  log: () => undefined,
  signal: new AbortController().signal,
};

/** The ServicesError `run` rejects with. */
async function servicesErrorOf(run: Promise<unknown>): Promise<ServicesError> {
  try {
    await run;
  } catch (error) {
    if (error instanceof ServicesError) return error;
    throw error;
  }
  throw new Error('expected a ServicesError');
}

describe('startServices', () => {
  it("calls the module's start with the options and returns its env, lines and stop", async () => {
    // Prepare
    const seen: ServicesStartOptions[] = [];
    const stop = jest.fn(async () => undefined);
    const namespace = {
      start: async (given: ServicesStartOptions) => {
        seen.push(given);
        return { env: { DB_URL: 'http://127.0.0.1:1' }, describe: ['db on port 1'], stop };
      },
    };
    // Act
    const services = await startServices(namespace, FILE, options);
    await services.stop();
    // Assess
    expect(seen).toEqual([options]);
    expect(services).toMatchObject({
      module: FILE,
      env: { DB_URL: 'http://127.0.0.1:1' },
      describe: ['db on port 1'],
    });
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('finds start under default, as import() shows a CommonJS module', async () => {
    const namespace = {
      default: { start: async () => ({ env: {}, describe: [], stop: async () => undefined }) },
    };
    expect((await startServices(namespace, FILE, options)).env).toEqual({});
  });

  it('names the module and its exports when it has no start function', async () => {
    const error = await servicesErrorOf(startServices({ begin: () => 1 }, FILE, options));
    expect(error.message).toBe(
      'The services module local/services.mjs exports no start function (its exports: ["begin"]). ' +
        'Export async function start(options) resolving to ' +
        "{ env: { NAME: 'value' }, describe: ['a banner line'], stop: async () => {} }.",
    );
  });

  it('says the services did not start, with the cause, when start rejects', async () => {
    // Prepare
    const cause = new Error('Java is missing');
    const namespace = {
      start: async () => {
        throw cause;
      },
    };
    // Act
    const error = await servicesErrorOf(startServices(namespace, FILE, options));
    // Assess
    expect(error.message).toBe('The services of local/services.mjs did not start: Java is missing');
    expect(error.cause).toBe(cause);
  });

  it.each([
    ['nothing', undefined, 'it resolved to undefined'],
    ['an array', [], 'it resolved to an array'],
    ['no env', { describe: [], stop: () => 1 }, 'env is undefined, not an object'],
    ['a number in env', { env: { PORT: 8000 } }, 'env.PORT is number 8000, not a string'],
    ['a bad name in env', { env: { 'A-B': '1' } }, 'env names "A-B", not a variable'],
    ['a string describe', { env: {}, describe: 'db' }, 'describe is string "db", not an array'],
    ['no stop', { env: {}, describe: ['db'] }, 'stop is not a function'],
  ])('refuses a start that resolves to %s', async (_case, resolved, problem) => {
    const error = await servicesErrorOf(
      startServices({ start: async () => resolved }, FILE, options),
    );
    expect(error.message).toContain(
      `start() of the services module local/services.mjs resolved to the wrong shape: ${problem}`,
    );
  });

  it('stops what a wrongly shaped start did start before refusing it', async () => {
    // Prepare
    const stop = jest.fn(async () => undefined);
    const namespace = { start: async () => ({ env: { PORT: 1 }, describe: [], stop }) };
    // Act
    await servicesErrorOf(startServices(namespace, FILE, options));
    // Assess
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('stops once however often stop is called, and names the module when stopping fails', async () => {
    // Prepare
    const stop = jest.fn(async () => {
      throw new Error('port busy');
    });
    const services = await startServices(
      { start: async () => ({ env: {}, describe: [], stop }) },
      FILE,
      options,
    );
    // Act
    const first = await servicesErrorOf(services.stop());
    const second = await servicesErrorOf(services.stop());
    // Assess
    expect(first.message).toBe('Stopping the services of local/services.mjs failed: port busy');
    expect(second).toBe(first);
    expect(stop).toHaveBeenCalledTimes(1);
  });
});

describe('openServices', () => {
  it('starts nothing for --services none', async () => {
    expect(await openServices(undefined, options)).toBe(NO_SERVICES);
  });

  it('says how to fix a module path that does not exist', async () => {
    const error = await servicesErrorOf(openServices(join(process.cwd(), 'nowhere.ts'), options));
    expect(error.message).toBe(
      'The services module nowhere.ts does not exist. Pass --services with a module that exports ' +
        'start() (see "Services" in the README), or --services none to start nothing.',
    );
  });
});

describe('describeServicesError', () => {
  it('shows the message alone for a failure the user fixes', () => {
    const error = new ServicesError('did not start: no Java', { cause: new Error('no Java') });
    expect(describeServicesError(error)).toBe('did not start: no Java');
  });

  it('adds the stack of a programming error in the module', () => {
    const cause = new TypeError('x is undefined');
    const error = new ServicesError('did not start: x is undefined', { cause });
    expect(describeServicesError(error)).toBe(`did not start: x is undefined\n${cause.stack}`);
  });
});
