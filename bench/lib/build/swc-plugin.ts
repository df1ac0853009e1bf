import { readFile } from 'node:fs/promises';
import { transform } from '@swc/core';
import type { Plugin } from 'esbuild';

/**
 * Compiles TypeScript with SWC inside an esbuild build, as tsup does when
 * `emitDecoratorMetadata` is on: esbuild alone never emits `design:paramtypes`, which
 * lambda-controllers reads to find a route's DTO.
 */
export const swcDecoratorMetadata: Plugin = {
  name: 'swc-decorator-metadata',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      const { code } = await transform(await readFile(path, 'utf8'), {
        filename: path,
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'es6' },
      });
      return { contents: code, loader: 'js' };
    });
  },
};
