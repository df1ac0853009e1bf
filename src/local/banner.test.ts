import { join } from 'node:path';
import { formatBanner, shownPath } from './banner';
import { parseLocalArgs } from './cli-options';

const options = parseLocalArgs(['--stage', 'dev', '--function', 'build/users'], {}, 'serve');

describe('formatBanner', () => {
  it('starts with the URL, then the function, runtime, services, stage, routes and watch', () => {
    // Act
    const banner = formatBanner({
      url: 'http://localhost:3000/dev',
      options,
      services: {
        module: join(process.cwd(), 'local/services.ts'),
        describe: ['DynamoDB Local on http://127.0.0.1:8000 (in memory)', 'table users (created)'],
      },
      routes: ['POST /users', 'GET  /users/{id}'],
      watching: undefined,
      nodeVersion: 'v22.23.3',
    });
    // Assess
    expect(banner.split('\n')).toEqual([
      'Local HTTP API listening on http://localhost:3000/dev',
      '  function  build/users (main.handler: task root first, then the layer)',
      '  runtime   Node v22.23.3, 512 MB, 30 s timeout, up to 4 warm workers',
      '  services  local/services.ts',
      '            DynamoDB Local on http://127.0.0.1:8000 (in memory)',
      '            table users (created)',
      '  stage     dev',
      '  routes    POST /users',
      '            GET  /users/{id}',
      '            (any other request goes to the $default route)',
      '  watch     off (--watch rebuilds and reloads on change)',
      'Press Ctrl-C to stop.',
    ]);
  });

  it('says when there are no services and every request goes to $default for want of routes', () => {
    // Act
    const banner = formatBanner({
      url: 'http://localhost:3000',
      options,
      services: { module: undefined, describe: [] },
      routes: [],
      watching: 'build/users',
      nodeVersion: 'v22.23.3',
    });
    // Assess
    expect(banner).toContain(
      '  services  none (--services MODULE starts what the function needs)\n',
    );
    expect(banner).toContain(
      '  routes    none declared: every request goes to the $default route\n',
    );
    expect(banner).toContain('  watch     build/users\n');
  });
});

describe('shownPath', () => {
  it('shows a path inside the working directory relative to it, and others as they are', () => {
    expect(shownPath(join(process.cwd(), 'layer-dist/functions/x'))).toBe('layer-dist/functions/x');
    expect(shownPath(process.cwd())).toBe('.');
    expect(shownPath('/elsewhere/fn')).toBe('/elsewhere/fn');
  });
});

describe('formatBanner with a JWT authorizer', () => {
  it('says what the authorizer protects, under the routes', () => {
    // Act
    const banner = formatBanner({
      url: 'http://localhost:3000',
      options,
      services: { module: undefined, describe: [] },
      routes: ['PATCH /users/{id}'],
      authorizer: 'JWT on 1 route(s) of routes.json',
      watching: undefined,
      nodeVersion: 'v22.23.3',
    });
    // Assess
    expect(banner).toContain(
      '            (any other request goes to the $default route)\n  auth      JWT on 1 route(s) of routes.json\n',
    );
  });
});
