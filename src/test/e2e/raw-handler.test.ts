import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  functionFolder,
  type ServerUnderTest,
  startServer,
  stillRunning,
} from './support/local-server';
import { RAW_HANDLER } from './support/test-functions';

describe('npm start with a function that ships its own main.handler', () => {
  let server: ServerUnderTest;

  beforeAll(async () => {
    const functionDir = functionFolder({ 'main.js': RAW_HANDLER });
    server = await startServer(['--function', functionDir, '--services', 'none']);
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('resolves main.handler in the task root before the layer', async () => {
    // Act
    const response = await fetch(`${server.url}/`);
    // Assess
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^lc-function-/);
  });

  it('answers 502 for a malformed result and logs what was wrong', async () => {
    // Act
    const response = await fetch(`${server.url}/malformed`);
    const line = await server.waitForLine(/ GET \/malformed 502 /);
    // Assess
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ message: 'Internal Server Error' });
    expect(line).toContain(
      '(malformed result: statusCode must be an integer from 100 to 599; got "abc")',
    );
  });

  it('infers a 200 JSON response from a result without statusCode', async () => {
    // Act
    const response = await fetch(`${server.url}/inferred`);
    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ hello: 'world' });
  });

  it('answers 502 for an error the handler throws and logs it with its stack', async () => {
    // Act
    const response = await fetch(`${server.url}/throws`);
    const line = await server.waitForLine(
      / GET \/throws 502 .*function error: TypeError: not today/,
    );
    // Assess
    expect(response.status).toBe(502);
    expect(line).toBeTruthy();
    expect(server.output()).toMatch(/function error: TypeError: not today\)\n {4}at /);
  });

  it('leaves no process behind on SIGTERM', async () => {
    // Prepare
    const started = server.descendants();
    // Act
    await server.stop();
    // Assess
    expect(stillRunning([server.pid, ...started])).toEqual([]);
  });
});

describe('npm start --watch on a function folder', () => {
  it('reloads the worker when the folder changes, and serves the new code', async () => {
    // Prepare
    const functionDir = functionFolder({ 'main.js': RAW_HANDLER });
    const server = await startServer(['--function', functionDir, '--services', 'none', '--watch']);
    try {
      const before = await (await fetch(`${server.url}/inferred`)).json();
      // Act
      writeFileSync(
        join(functionDir, 'main.js'),
        'exports.handler = async () => ({ version: 2 });\n',
      );
      await server.waitForLine(/^Reloaded in /);
      const after = await (await fetch(`${server.url}/inferred`)).json();
      // Assess
      expect(before).toEqual({ hello: 'world' });
      expect(after).toEqual({ version: 2 });
    } finally {
      await server.stop();
    }
  });
});
