import { isAbsolute, relative } from 'node:path';
import type { LocalOptions } from './cli-options';

/** What the start banner reports. */
export interface BannerFacts {
  readonly url: string;
  readonly options: LocalOptions;
  /** The services module, or `undefined` for none, and the lines its `start()` described. */
  readonly services: { readonly module: string | undefined; readonly describe: readonly string[] };
  /** `METHOD /path` lines. */
  readonly routes: readonly string[];
  /** What the JWT authorizer protects, or `undefined` when the function has no manifest. */
  readonly authorizer?: string | undefined;
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

/** A label's first line, then the rest indented under it. */
function labelled(label: string, lines: readonly string[]): string[] {
  return lines.map((line, index) => `  ${index === 0 ? label.padEnd(10) : ' '.repeat(10)}${line}`);
}

/** The lines `npm start` prints once it listens: URL first, then the function and its routes. */
export function formatBanner(facts: BannerFacts): string {
  const { options, services } = facts;
  const routes =
    facts.routes.length === 0
      ? ['none declared: every request goes to the $default route']
      : [...facts.routes, '(any other request goes to the $default route)'];
  return [
    `Local HTTP API listening on ${facts.url}`,
    `  function  ${shownPath(options.functionDir)} (main.handler: task root first, then the layer)`,
    `  runtime   Node ${facts.nodeVersion}, ${options.memoryMb} MB, ${options.timeoutSeconds} s ` +
      `timeout, up to ${options.concurrency} warm workers`,
    ...labelled(
      'services',
      services.module === undefined
        ? ['none (--services MODULE starts what the function needs)']
        : [shownPath(services.module), ...services.describe],
    ),
    `  stage     ${options.stage}`,
    ...labelled('routes', routes),
    ...(facts.authorizer === undefined ? [] : [`  auth      ${facts.authorizer}`]),
    ...(options.docs ? [`  docs      ${facts.url}/docs/ (rendered from /openapi.json)`] : []),
    `  watch     ${facts.watching ?? 'off (--watch rebuilds and reloads on change)'}`,
    'Press Ctrl-C to stop.',
  ].join('\n');
}
