import { spawn } from 'node:child_process';

/** What a benchmark tool printed, and how long its process lived. */
export interface ToolRun {
  readonly stdout: string;
  readonly wallMs: number;
}

/**
 * Runs one of the bundled benchmark tools in a fresh Node process with exactly `env`.
 *
 * @throws when the tool exits with another code than 0, with what it wrote to stderr.
 */
export async function runTool(tool: string, env: NodeJS.ProcessEnv): Promise<ToolRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [tool], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const wallMs = performance.now() - started;
  if (code !== 0) throw new Error(`${tool} exited with ${code}: ${Buffer.concat(stderr)}`);
  return { stdout: Buffer.concat(stdout).toString(), wallMs };
}

/** The JSON a tool printed on its last line of output. */
export function lastJsonLine(stdout: string): unknown {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? 'null');
}
