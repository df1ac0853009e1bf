import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { LOCAL_DIST } from '../../local/task-root';
import { NODE22 } from '../integration/support/runtimes';
import { functionFolder, scratchFolder } from './support/local-server';
import { GREETING_HANDLER, JOURNALED_SERVICES, RAW_HANDLER } from './support/test-functions';

const INVOKE = join(LOCAL_DIST, 'invoke.js');
const EVENTS = resolve(__dirname, '../../../sample-api/events');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `npm run invoke -- args` (without the build step) with `env` over this process's
 * environment, and collects what it prints.
 */
async function invoke(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      NODE22,
      ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', INVOKE, ...args],
      { env: { ...process.env, ...env } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    // execFile rejects on a non-zero exit; that exit is what some tests expect.
    const field = (name: string): unknown =>
      typeof error === 'object' && error !== null ? Reflect.get(error, name) : undefined;
    const code = field('code');
    if (typeof code !== 'number') throw error;
    return { code, stdout: String(field('stdout')), stderr: String(field('stderr')) };
  }
}

describe('npm run invoke', () => {
  it('runs a ready-made event through the sample API and prints the result', async () => {
    // Act
    const run = await invoke([join(EVENTS, 'apigw-http-create-user.json')], {
      SAMPLE_DYNAMODB: 'memory',
    });
    // Assess
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      statusCode: 201,
      headers: { location: expect.stringMatching(/^\/users\/[0-9a-f-]{36}$/) },
    });
    expect(run.stderr).toMatch(/^REPORT RequestId: [0-9a-f-]{36} Duration: /m);
  });

  it('prints the error document and exits with 1 when the handler throws', async () => {
    // Prepare
    const functionDir = functionFolder({ 'main.js': RAW_HANDLER });
    const eventFile = join(scratchFolder(), 'throws.json');
    const sample = JSON.parse(readFileSync(join(EVENTS, 'apigw-http-list-users.json'), 'utf8'));
    writeFileSync(eventFile, JSON.stringify({ ...sample, rawPath: '/throws' }));
    // Act
    const run = await invoke(['--function', functionDir, '--services', 'none', eventFile]);
    // Assess
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      errorType: 'TypeError',
      errorMessage: 'not today',
      trace: expect.arrayContaining([expect.stringContaining('main.js')]),
    });
  });

  it('starts the services module for the one event, hands the function its env, then stops it', async () => {
    // Prepare
    const folder = scratchFolder();
    const services = join(folder, 'services.mjs');
    const journal = join(folder, 'journal.txt');
    writeFileSync(services, JOURNALED_SERVICES);
    const functionDir = functionFolder({ 'main.js': GREETING_HANDLER });
    // Act
    const run = await invoke(
      [
        '--function',
        functionDir,
        '--services',
        services,
        join(EVENTS, 'apigw-http-list-users.json'),
      ],
      { SERVICES_JOURNAL: journal },
    );
    // Assess
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ body: 'hello from the services' });
    expect(readFileSync(journal, 'utf8')).toBe('start invoke\nstop\n');
  });
});
