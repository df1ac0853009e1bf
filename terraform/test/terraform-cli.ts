import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** Version `terraform test` needs here: mock values during plan (`override_during`) came in 1.11. */
const MINIMUM_VERSION = [1, 11] as const;
const AWS_PROVIDER = join('registry.terraform.io', 'hashicorp', 'aws');
/** Folders searched for a provider mirror named `tf-plugins` when TF_PLUGIN_DIR is not set. */
const MIRROR_SEARCH_ROOTS = [
  '/opt',
  '/usr/local/share',
  '/usr/local',
  '/usr/share',
  homedir(),
  join(homedir(), '.local', 'share'),
];

export interface TerraformTools {
  readonly version: string;
  readonly pluginDir: string;
}

export interface RunResult {
  readonly status: number | null;
  readonly output: string;
}

function meetsMinimum(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return (
    major > MINIMUM_VERSION[0] || (major === MINIMUM_VERSION[0] && minor >= MINIMUM_VERSION[1])
  );
}

/** TF_PLUGIN_DIR, else the first `tf-plugins` folder under the search roots that holds hashicorp/aws. */
function findProviderMirror(): string | undefined {
  const { TF_PLUGIN_DIR: fromEnv } = process.env;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return MIRROR_SEARCH_ROOTS.map((root) => join(root, 'tf-plugins')).find((candidate) =>
    existsSync(join(candidate, AWS_PROVIDER)),
  );
}

/**
 * The terraform CLI and the offline provider mirror, or a one-line reason why the checks cannot
 * run, saying what to install.
 */
export function findTerraformTools(): TerraformTools | string {
  const probe = spawnSync('terraform', ['version', '-json'], { encoding: 'utf8', env: cleanEnv() });
  const install = `install Terraform ${MINIMUM_VERSION.join('.')} or later (https://developer.hashicorp.com/terraform/install)`;
  if (probe.error !== undefined && 'code' in probe.error && probe.error.code === 'ENOENT') {
    return `terraform not on PATH: ${install}`;
  }
  if (probe.error !== undefined || probe.status !== 0) {
    return `terraform version failed (${probe.error?.message ?? probe.stderr.trim()}): ${install}`;
  }
  const parsed: unknown = JSON.parse(probe.stdout);
  const version =
    typeof parsed === 'object' &&
    parsed !== null &&
    'terraform_version' in parsed &&
    typeof parsed.terraform_version === 'string'
      ? parsed.terraform_version
      : '0.0.0';
  if (!meetsMinimum(version)) {
    return `terraform ${version} too old for terraform/tests: ${install}`;
  }
  const pluginDir = findProviderMirror();
  if (pluginDir === undefined) {
    return (
      `no Terraform provider mirror (no TF_PLUGIN_DIR, no tf-plugins folder under ${MIRROR_SEARCH_ROOTS.join(', ')}): ` +
      'set TF_PLUGIN_DIR to a folder made with `terraform providers mirror <dir>` that holds hashicorp/aws 5.100 or 6.x.'
    );
  }
  if (!existsSync(join(pluginDir, AWS_PROVIDER))) {
    return `TF_PLUGIN_DIR=${pluginDir} holds no ${AWS_PROVIDER}: fill it with \`terraform providers mirror ${pluginDir}\`.`;
  }
  return { version, pluginDir };
}

/**
 * The environment for terraform: no user CLI config, no TF_VAR_ or TF_CLI_ARGS overrides that
 * would change what the tests plan, no update check.
 */
function cleanEnv(cliConfigFile?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('TF_VAR_') && !name.startsWith('TF_CLI_ARGS') && name !== 'TF_DATA_DIR') {
      env[name] = value;
    }
  }
  return {
    ...env,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    ...(cliConfigFile === undefined ? {} : { TF_CLI_CONFIG_FILE: cliConfigFile }),
  };
}

/**
 * A throwaway copy of `terraform/` laid out like the repository (`<dir>/terraform`, with
 * `<dir>/layer-dist` linked to the real build output), so that init writes its lock file and
 * `.terraform/` there and never touches a user's own `terraform init` state.
 */
export class TerraformWorkspace {
  readonly #root: string;
  readonly #cliConfig: string;
  readonly dir: string;

  constructor(terraformDir: string, layerDistDir: string) {
    this.#root = mkdtempSync(join(tmpdir(), 'lambda-controllers-terraform-'));
    this.dir = join(this.#root, 'terraform');
    const jestTests = join(terraformDir, 'test');
    cpSync(terraformDir, this.dir, {
      recursive: true,
      filter: (source) =>
        source !== jestTests &&
        !['.terraform', '.terraform.lock.hcl'].includes(basename(source)) &&
        !basename(source).includes('.tfstate'),
    });
    symlinkSync(layerDistDir, join(this.#root, 'layer-dist'), 'dir');
    this.#cliConfig = join(this.#root, 'terraformrc');
    writeFileSync(this.#cliConfig, '');
  }

  run(args: readonly string[], cwd: string = this.dir): RunResult {
    const result = spawnSync('terraform', [...args], {
      cwd,
      encoding: 'utf8',
      env: cleanEnv(this.#cliConfig),
      timeout: 120_000,
    });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    return {
      status: result.status,
      output: result.error === undefined ? output : `${result.error.message}\n${output}`,
    };
  }

  remove(): void {
    rmSync(this.#root, { recursive: true, force: true });
  }
}
