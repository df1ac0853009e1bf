import { EVENT_NAMES, type EventName } from './events.ts';
import { type ColdFigure, LAYER_PACKAGES, REST_OF_MAIN } from './figures/cold.ts';
import type { HostileRow } from './figures/hostile.ts';
import type { MemoryFigure } from './figures/memory.ts';
import type { PageReadsRow } from './figures/page-reads.ts';
import type { RoutingFigure } from './figures/routing.ts';
import type { WarmResult } from './figures/warm.ts';
import { table } from './markdown.ts';
import type { BenchResults } from './results.ts';
import { fixed, median, pairedRatio, times } from './stats.ts';
import {
  coldRatio,
  evaluateTargets,
  IN_PROCESS,
  inProcessColdMs,
  NET_WALL,
  netColdMs,
  warmRatio,
} from './targets.ts';
import { ROUTE_COUNTS } from './tools/route-shapes.ts';

const EVENT_TITLES: Readonly<Record<EventName, string>> = {
  'v2-get-user': 'GET /users/{id}',
  'v2-list-users': 'GET /users?limit=10',
  'v2-create-user': 'POST /users valid',
  'v2-create-invalid': 'POST /users invalid',
  'v1-get-user': 'REST v1 GET /users/{id}',
};

function machineSection(results: BenchResults): string {
  const { machine, settings } = results;
  const versions = Object.entries(machine.packages)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  return [
    `Command: \`${results.command}\` — ${results.startedAt}, ${fixed(results.durationSeconds / 60)} min.`,
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GiB, ${machine.os}; ` +
      `Node ${machine.node}; commit ${machine.commit}.`,
    '',
    `Packages: ${versions}.`,
    '',
    `Settings: ${settings.rounds} interleaved rounds (A, C), ${settings.spawns} cold starts per ` +
      `implementation (B), warm samples of about ${settings.sampleMs} ms.`,
  ].join('\n');
}

function targetsSection(results: BenchResults): string {
  return table(
    ['Target', 'Measured', 'Met'],
    evaluateTargets(results).map((check) => [check.target, check.measured, check.met]),
    2,
  );
}

function warmSection(warm: readonly WarmResult[]): string {
  const rows = warm.map((result) => [
    result.label,
    ...EVENT_NAMES.map((event) => {
      const micro = median(result.samples[event]) / 1000;
      return `${fixed(micro, micro < 10 ? 2 : 1)} (${times(warmRatio(warm, result.name, 'floor', event))})`;
    }),
  ]);
  return [
    '## A. Warm latency per invocation',
    '',
    'Median µs per invocation over the rounds (× the floor, median of per-round ratios). HTTP API ' +
      'payload 2.0 except the last column (REST API payload 1.0). Event parsing is outside the clock.',
    '',
    table(['Implementation', ...EVENT_NAMES.map((event) => EVENT_TITLES[event])], rows),
  ].join('\n');
}

function coldSection(cold: ColdFigure): string {
  const rows = cold.results.map((result) => {
    const of = (pick: (s: (typeof result.samples)[number]) => number): number =>
      median(result.samples.map(pick));
    return [
      result.label,
      fixed(of((s) => s.report.requireMs)),
      fixed(of((s) => s.report.firstRequestMs)),
      fixed(inProcessColdMs(result)),
      times(coldRatio(cold, result.name, 'floor-cv', IN_PROCESS)),
      times(coldRatio(cold, result.name, 'floor-cv-esm', IN_PROCESS)),
      fixed(netColdMs(cold, result)),
      times(coldRatio(cold, result.name, 'floor-cv', NET_WALL)),
      `${fixed(result.loaded.bytes / 1024, 0)} (${fixed(result.loaded.gzipBytes / 1024, 0)})`,
      String(result.loaded.files),
      fixed(
        of((s) => s.report.rssMb),
        0,
      ),
    ];
  });
  const layerRows = cold.results
    .filter((result) => Object.keys(result.breakdown).length > 0)
    .map((result) => [
      result.label,
      ...[...LAYER_PACKAGES, REST_OF_MAIN].map((name) =>
        fixed(median(result.breakdown[name] ?? [])),
      ),
    ]);
  return [
    '## B. Cold start',
    '',
    "A fresh `node` loads the function as Lambda's runtime does (`index.handler` from the task " +
      'root, or `main.handler` through `NODE_PATH` for the layer) and serves one valid ' +
      '`POST /users`, the request that reaches routing, JSON and validation. Medians. ' +
      '"require + first" is timed inside the process; "net wall" is the whole process from spawn ' +
      `to exit less a bare \`node\` (${fixed(median(cold.bareWallMs))} ms here). Loaded: the ` +
      'JavaScript files the process read (the bundle, or the layer packages + routes.js).',
    '',
    table(
      [
        'Implementation',
        'require ms',
        'first request ms',
        'require + first ms',
        '× floor+CV (CJS)',
        '× floor+CV (ESM)',
        'net wall ms',
        'net wall × floor+CV (CJS)',
        'loaded KB (gzip)',
        'files',
        'RSS MB',
      ],
      rows,
    ),
    '',
    'Where the layer rows spend their require time (ms; in separate cold starts, each package ' +
      'required on its own before main.js; layer-bundle: compiling the one file that holds ' +
      'main.js and the packages, in a layer that has it, after which a package column is what ' +
      'running its modules costs; "files" counts modules in `require.cache`, where the bundle ' +
      'enters each module it runs, so only the files outside it are read from disk):',
    '',
    table(['Layer', ...LAYER_PACKAGES, REST_OF_MAIN], layerRows),
    '',
    'Layers on disk (without the AWS SDK, which the sample API needs and this API never loads): ' +
      cold.layerSizes
        .map(
          (size) =>
            `${size.variant} ${fixed(size.bytes / 1024, 0)} KB (${fixed(size.gzipBytes / 1024, 0)} KB gzip)`,
        )
        .join(', ') +
      '.',
  ].join('\n');
}

function routingSection(routing: RoutingFigure): string {
  const rows = ROUTE_COUNTS.map((count) => [
    String(count),
    fixed(median(routing.matcher[count] ?? []), 0),
    times(pairedRatio(routing.matcher[count] ?? [], routing.matcher[10] ?? [])),
    fixed(median(routing.handler[count] ?? []) / 1000, 2),
    times(pairedRatio(routing.handler[count] ?? [], routing.handler[10] ?? [])),
  ]);
  return [
    '## C. Route matching',
    '',
    'About ten requests spread over the table plus one miss; static, `{id}` and nested templates, ' +
      'GET and POST. The matcher alone (src/routing), and whole HTTP API invocations through ' +
      '`createHandler` from the layer.',
    '',
    table(['Routes', 'ns per match', '× 10 routes', 'µs per invocation', '× 10 routes'], rows, 0),
  ].join('\n');
}

function spread(values: readonly number[]): string {
  if (values.length === 0) return 'not reported';
  return `${Math.min(...values)} / ${median(values)} / ${Math.max(...values)}`;
}

function pageReadsSection(rows: readonly PageReadsRow[]): string {
  return [
    '## D. Items read per page (sample API on DynamoDB Local)',
    '',
    '`GET /users?limit=20` walked to the end through `main.handler`; items read per page from the ' +
      "`ScannedCount` of the repository's Query, and read capacity units of a plain Query with " +
      '`ReturnConsumedCapacity` (min / median / max).',
    '',
    table(
      ['Users', 'pages', 'users per page', 'ScannedCount per page', 'RCU per page'],
      rows.map((row) => [
        String(row.users),
        String(row.handlerPages),
        spread(row.handlerPageSizes),
        spread(row.scanned),
        spread(row.capacityUnits),
      ]),
      0,
    ),
  ].join('\n');
}

function hostileSection(rows: readonly HostileRow[]): string {
  const nsPerByte = (samples: readonly number[], bytes: number) =>
    fixed((median(samples) * 1e6) / bytes, 0);
  return [
    '## E. Hostile requests at about 1 MB',
    '',
    'The worst request of each kind, an event of about 1 MB, beside a plain request of the same ' +
      'size and the same hostile request at a quarter of the size, through `createHandler` from ' +
      'the layer, in turn in each round. Medians; ns per byte of the event as Lambda delivers it ' +
      '(its JSON); "answer" is the largest response body the hostile request got.',
    '',
    table(
      [
        'Kind',
        'ms (status)',
        'ns/byte',
        'ns/byte at ¼ size',
        'plain ms (status)',
        'plain ns/byte',
        'hostile ÷ plain',
        'answer bytes',
      ],
      rows.map((row) => [
        row.kind,
        `${fixed(median(row.hostile), 2)} (${row.hostileStatus})`,
        nsPerByte(row.hostile, row.hostileBytes),
        nsPerByte(row.quarter, row.quarterBytes),
        `${fixed(median(row.plain), 2)} (${row.plainStatus})`,
        nsPerByte(row.plain, row.plainBytes),
        times(pairedRatio(row.hostile, row.plain)),
        String(row.answerBytes),
      ]),
      0,
    ),
  ].join('\n');
}

function memorySection(memory: MemoryFigure): string {
  const mib = (bytes: number) => (bytes / 1_048_576).toFixed(2);
  const first = memory.heap[0]?.bytes ?? 0;
  return [
    '## F. Memory and concurrency over a long warm run',
    '',
    `lambda-controllers through \`main.handler\`, ${memory.invocations} invocations cycling through ` +
      "figure A's five events, one at a time; the live heap after two forced collections at the " +
      'start and every tenth of the run. Then the same events with ' +
      `${memory.concurrency} invocations in flight at a time (as Lambda Managed Instances may run ` +
      'them in one process; every answer checked) beside one at a time, in the same process.',
    '',
    table(
      ['Invocations', 'live heap MiB', 'growth MiB'],
      memory.heap.map((point) => [
        String(point.invocations),
        mib(point.bytes),
        mib(point.bytes - first),
      ]),
      1,
    ),
    '',
    `µs per invocation: ${fixed(memory.sequentialNs / 1000, 2)} over the whole run; ` +
      `${fixed(memory.concurrentNs / 1000, 2)} with ${memory.concurrency} in flight vs ` +
      `${fixed(memory.sequentialSampleNs / 1000, 2)} one at a time. RSS at the end ` +
      `${mib(memory.rssBytes)} MiB.`,
  ].join('\n');
}

/** The Markdown written to bench/RESULTS.md and printed. */
export function renderMarkdown(results: BenchResults): string {
  const sections = [
    '# Benchmark results',
    machineSection(results),
    '## Targets',
    targetsSection(results),
    results.warm === undefined ? undefined : warmSection(results.warm),
    results.cold === undefined ? undefined : coldSection(results.cold),
    results.routing === undefined ? undefined : routingSection(results.routing),
    results.pageReads === undefined ? undefined : pageReadsSection(results.pageReads),
    results.hostile === undefined ? undefined : hostileSection(results.hostile),
    results.memory === undefined ? undefined : memorySection(results.memory),
  ];
  return `${sections.filter((section) => section !== undefined).join('\n\n')}\n`;
}
