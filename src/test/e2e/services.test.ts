import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { functionFolder, launchServer, scratchFolder, startServer } from './support/local-server';
import {
  BROKEN_AT_INIT,
  GREETING_HANDLER,
  JOURNALED_SERVICES,
  SLOW_SERVICES,
} from './support/test-functions';

/** A services module written from `source`, and the journal file it writes its calls to. */
function servicesModule(source: string): { module: string; journal: string; read(): string } {
  const folder = scratchFolder();
  const module = join(folder, 'services.mjs');
  const journal = join(folder, 'journal.txt');
  writeFileSync(module, source);
  return {
    module,
    journal,
    read: () => (existsSync(journal) ? readFileSync(journal, 'utf8') : ''),
  };
}

describe('npm start with a services module (--services)', () => {
  it('starts the services first, hands their env to the function and their lines to the banner', async () => {
    // Prepare
    const services = servicesModule(JOURNALED_SERVICES);
    const functionDir = functionFolder({ 'main.js': GREETING_HANDLER });
    // Act
    const server = await startServer(['--function', functionDir, '--services', services.module], {
      SERVICES_JOURNAL: services.journal,
    });
    const response = await fetch(`${server.url}/anything`);
    // Assess
    expect(await response.text()).toBe('hello from the services');
    expect(server.output()).toContain(
      `  services  ${services.module}\n            greeting stub ready\n            second line\n`,
    );
    expect(services.read()).toBe('start serve\n');
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('stops the services on %s', async (signal) => {
    // Prepare
    const services = servicesModule(JOURNALED_SERVICES);
    const functionDir = functionFolder({ 'main.js': GREETING_HANDLER });
    const server = await startServer(['--function', functionDir, '--services', services.module], {
      SERVICES_JOURNAL: services.journal,
    });
    // Act
    const code = await server.kill(signal);
    // Assess
    expect(code).toBe(0);
    expect(services.read()).toBe('start serve\nstop\n');
  });

  it('stops the services when the function then fails to initialize', async () => {
    // Prepare
    const services = servicesModule(JOURNALED_SERVICES);
    const functionDir = functionFolder({ 'main.js': BROKEN_AT_INIT });
    // Act
    const server = launchServer(['--function', functionDir, '--services', services.module], {
      SERVICES_JOURNAL: services.journal,
    });
    const code = await server.exited;
    // Assess
    expect(code).toBe(1);
    expect(server.output()).toContain('broken at init');
    expect(services.read()).toBe('start serve\nstop\n');
  });

  it('stops what the services started when Ctrl-C arrives while they start', async () => {
    // Prepare
    const services = servicesModule(SLOW_SERVICES);
    const functionDir = functionFolder({ 'main.js': GREETING_HANDLER });
    const server = launchServer(['--function', functionDir, '--services', services.module], {
      SERVICES_JOURNAL: services.journal,
    });
    await server.waitForLine(/^slow services: starting$/);
    // Act
    const code = await server.kill('SIGINT');
    // Assess
    expect(code).toBe(130);
    expect(server.output()).toContain('Stopping: undoing the start in progress');
    expect(services.read()).toBe('start aborted\nstop\n');
  });

  it.each([
    [
      'a module that does not exist',
      undefined,
      /^The services module \S+missing\.mjs does not exist\. Pass --services with a module/m,
    ],
    [
      'a module without start',
      'export const begin = () => ({});\n',
      /^The services module \S+services\.mjs exports no start function \(its exports: \["begin"\]\)/m,
    ],
    [
      'a start that resolves to the wrong shape',
      'export async function start() { return { env: { PORT: 8000 }, describe: [] }; }\n',
      /resolved to the wrong shape: env\.PORT is number 8000, not a string\. It must resolve to/,
    ],
    [
      'a module that does not parse',
      'export async function start( {\n',
      /^Loading the services module \S+services\.mjs failed: /m,
    ],
  ])('exits with 1 and says what is wrong for %s', async (_case, source, message) => {
    // Prepare
    const folder = scratchFolder();
    const module = join(folder, source === undefined ? 'missing.mjs' : 'services.mjs');
    if (source !== undefined) writeFileSync(module, source);
    // Act
    const server = launchServer(['--services', module]);
    const code = await server.exited;
    // Assess
    expect(code).toBe(1);
    expect(server.output()).toMatch(message);
  });
});
