import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { HttpAnswer } from './result-to-http';

/** The files of swagger-ui-dist the page loads, with their content types. */
const ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

// `validatorUrl: null` keeps Swagger UI from sending the document to its online validator, and
// every asset comes from this server: nothing the page does leaves the machine.
const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>API reference</title>
  <link rel="icon" href="favicon-32x32.png">
  <link rel="stylesheet" href="swagger-ui.css">
</head>
<body>
  <div id="docs"></div>
  <script src="swagger-ui-bundle.js"></script>
  <script>
    window.ui = SwaggerUIBundle({
      url: '../openapi.json',
      dom_id: '#docs',
      validatorUrl: null,
      tryItOutEnabled: true,
      deepLinking: true,
    });
  </script>
</body>
</html>
`;

/** Where swagger-ui-dist is installed, or `undefined` when it is not. */
function swaggerUiFolder(): string | undefined {
  try {
    return dirname(require.resolve('swagger-ui-dist/package.json'));
  } catch (error) {
    // Not installed: `--docs` then answers 501 saying so, rather than failing the server.
    if (error instanceof Error && Reflect.get(error, 'code') === 'MODULE_NOT_FOUND') {
      return undefined;
    }
    throw error;
  }
}

/**
 * The answer of `--docs` for `path`: the interactive API reference at `/docs/` (rendered by
 * swagger-ui-dist from `/openapi.json`) and its assets, or `undefined` for any other path.
 */
export function apiDocsAnswer(path: string): HttpAnswer | undefined {
  if (path === '/docs') {
    // Relative, so that a named stage keeps its prefix.
    return { status: 308, headers: { location: 'docs/' }, body: Buffer.alloc(0) };
  }
  if (!path.startsWith('/docs/')) return undefined;
  const name = path.slice('/docs/'.length);
  if (name === '' || name === 'index.html') {
    return {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
      body: Buffer.from(PAGE),
    };
  }
  // Only the listed file names: a path from the request never reaches the file system.
  const type = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
  const folder = swaggerUiFolder();
  if (type === undefined || folder === undefined || !existsSync(join(folder, name))) {
    return {
      status: folder === undefined ? 501 : 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: Buffer.from(
        folder === undefined ? 'Install swagger-ui-dist to serve /docs.\n' : 'Not Found\n',
      ),
    };
  }
  return { status: 200, headers: { 'content-type': type }, body: readFileSync(join(folder, name)) };
}
