import { isAbsolute, relative } from 'node:path';
import type { LocalOptions } from './cli-options';

/** What the start banner reports. */
export interface BannerFacts {
  readonly url: string;
  readonly options: LocalOptions;
  readonly database: string;
  /** `METHOD /path` lines. */
  readonly routes: readonly string[];
  /** What `--watch` watches, or `undefined` without it. */
  readonly watching: string | undefined;
  readonly nodeVersion: string;
}

/** A path inside the working directory relative to it, as a person would type it. */
export function shownPath(path: string): string {
  const inside = relative(process.cwd(), path);
  if (inside === '') return '.';
  return inside.startsWith('..') || isAbsolute(inside) ? path : inside;
}

/** The lines `npm start` prints once it listens: URL first, then the function and its routes. */
export function formatBanner(facts: BannerFacts): string {
  const { options } = facts;
  const [first, ...more] = facts.routes;
  const routes =
    first === undefined
      ? ['  routes    none declared: every request goes to the $default route']
      : [
          `  routes    ${first}`,
          ...more.map((route) => `            ${route}`),
          '            (any other request goes to the $default route)',
        ];
  return [
    `Local HTTP API listening on ${facts.url}`,
    `  function  ${shownPath(options.functionDir)} (main.handler: task root first, then the layer)`,
    `  runtime   Node ${facts.nodeVersion}, ${options.memoryMb} MB, ${options.timeoutSeconds} s ` +
      `timeout, up to ${options.concurrency} warm workers`,
    `  database  ${facts.database}`,
    `  stage     ${options.stage}`,
    ...routes,
    `  watch     ${facts.watching ?? 'off (--watch rebuilds and reloads on change)'}`,
    'Press Ctrl-C to stop.',
  ].join('\n');
}
