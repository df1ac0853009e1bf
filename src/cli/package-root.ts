import { resolve } from 'node:path';

/** The installed lambda-controllers package: the CLI runs from its `dist/cli/`. */
export const PACKAGE_ROOT = resolve(__dirname, '../..');
