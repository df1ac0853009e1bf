import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { usersTable } from '../../sample-api/db/table-definition';
import { routes } from '../../sample-api/routes';
import { buildRouteTable } from '../../src/routing/route-table';
import { compileFunction } from '../../src/test/integration/support/compile-function';
import { NODE22 } from '../../src/test/integration/support/runtimes';
import tsupConfig from '../../tsup.config';
import { dynamoDbActionsSentBy } from './dynamodb-actions';
import {
  type HclFile,
  interpolation,
  isRecord,
  localValue,
  moduleBlock,
  readHclFile,
  resourceBlock,
} from './hcl';
import { findTerraformTools, type RunResult, TerraformWorkspace } from './terraform-cli';
import { listZipEntries } from './zip-entries';

// tsup's defineConfig returns its argument; the mock keeps the bundler itself out of this process.
jest.mock('tsup', () => ({ defineConfig: (options: unknown) => options }));

const REPOSITORY = resolve(__dirname, '../..');
const TERRAFORM = join(REPOSITORY, 'terraform');
const LAYER_DIST = join(REPOSITORY, 'layer-dist');
const USERS_MODULE = join(REPOSITORY, 'sample-api/users');
const USER_REPOSITORY = join(USERS_MODULE, 'user-repository.ts');
const LAYER_ZIP = 'layer-dist/layer.zip';
const USERS_MANIFEST = 'layer-dist/functions/sample-api/routes.json';
const TERRAFORM_TIMEOUT_MS = 120_000;
const LAYER_MODULES = join(LAYER_DIST, 'nodejs/node_modules');
const ROUTE_MANIFEST_MODULE = join(REPOSITORY, 'src/build/route-manifest.mts');

/** A controller the sample does not have: one public route, one behind `notes/write`. */
const SCRATCH_ROUTES = `
import { Authorized, Delete, Get, Param } from 'lambda-controllers';
export class routes {
  @Get('/notes') list() {
    return [];
  }
  @Delete('/notes/{id}') @Authorized({ scopes: ['notes/write'] }) remove(@Param('id') id: string) {
    return undefined;
  }
}
`;

/** What API Gateway must get for SCRATCH_ROUTES, planned with the stack's mocked provider. */
const SCRATCH_TFTEST = `
mock_provider "aws" {
  override_during = plan
  source          = "./tests/mocks"
}

run "routes_and_protects_what_the_manifest_lists" {
  command = plan

  assert {
    condition     = module.http_api.route_keys == tolist(["DELETE /notes/{id}", "GET /notes"])
    error_message = "The plan must route exactly the manifest's routes."
  }

  assert {
    condition     = jsonencode(module.http_api.protected_routes) == jsonencode({ "DELETE /notes/{id}" = ["notes/write"] })
    error_message = "Only DELETE /notes/{id} must be behind the authorizer, with notes/write."
  }
}
`;
const INIT_SUCCESS = 'Terraform has been successfully initialized';

function readMainTf(): Promise<HclFile> {
  return readHclFile(join(TERRAFORM, 'main.tf'));
}

interface PolicyStatement {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
}

/** `local.users_function_policy_statements` of main.tf, checked to be a list of statements. */
async function usersPolicyStatements(): Promise<PolicyStatement[]> {
  const value = localValue(await readMainTf(), 'users_function_policy_statements');
  if (!Array.isArray(value))
    throw new Error(`Expected a list of statements; got ${JSON.stringify(value)}.`);
  return value.map((statement: unknown) => {
    const { actions, resources } = isRecord(statement) ? statement : {};
    if (!Array.isArray(actions) || !Array.isArray(resources)) {
      throw new Error(`Not a { sid, actions, resources } statement: ${JSON.stringify(statement)}.`);
    }
    return { actions: actions.map(String), resources: resources.map(String) };
  });
}

/** The zip of tsup's sample-api build: pack-layer zips each layer-dist/functions/<dir> to <dir>.zip. */
function functionZipFromBuildConfig(): string {
  const builds = Array.isArray(tsupConfig) ? tsupConfig : [tsupConfig];
  const outDirs = builds.flatMap((build) => {
    const { entry, outDir } = isRecord(build) ? build : {};
    const { routes: routesEntry } = isRecord(entry) ? entry : {};
    return routesEntry === 'sample-api/routes.ts' && typeof outDir === 'string' ? [outDir] : [];
  });
  if (outDirs.length !== 1) {
    throw new Error(
      `tsup.config.ts must build sample-api/routes.ts once; found outDirs ${JSON.stringify(outDirs)}.`,
    );
  }
  return `${outDirs[0]}.zip`;
}

function requireBuildOutput(relativePath: string): string {
  const path = join(REPOSITORY, relativePath);
  if (!existsSync(path)) {
    throw new Error(`${relativePath} is missing: run \`npm run build\` before the infra tests.`);
  }
  return path;
}

describe('terraform/ against the code it deploys', () => {
  it('declares the users table exactly as sample-api/db/table-definition.ts', async () => {
    const table = moduleBlock(await readMainTf(), 'users_table');
    const tableModule = await readHclFile(join(TERRAFORM, 'modules/table/main.tf'));
    const { billing_mode: billingMode } = resourceBlock(tableModule, 'aws_dynamodb_table', 'this');
    const {
      name,
      hash_key: hashKey,
      range_key: rangeKey,
      global_secondary_indexes: indexes,
    } = table;

    expect({ name, billingMode, hashKey, rangeKey, indexes }).toEqual({
      name: usersTable.namePattern.replace('{prefix}', interpolation('var.name_prefix')),
      billingMode: usersTable.billingMode,
      hashKey: usersTable.partitionKey,
      rangeKey: undefined,
      indexes: usersTable.globalSecondaryIndexes.map((index) => ({
        name: index.name,
        hash_key: index.partitionKey,
        range_key: index.sortKey,
        projection_type: index.projection,
      })),
    });
  });

  it('grants exactly the DynamoDB actions that the users module sends', async () => {
    if (!existsSync(USER_REPOSITORY)) {
      throw new Error(
        'sample-api/users/user-repository.ts is missing: the IAM check derives the actions from it.',
      );
    }
    // Every source of the module that builds commands: the repository and its transactions.
    const sent = readdirSync(USERS_MODULE)
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .map((name) => ({ name, source: readFileSync(join(USERS_MODULE, name), 'utf8') }))
      .filter(({ source }) => /\bnew\s+[A-Z][A-Za-z]*Command\s*\(/.test(source))
      .flatMap(({ name, source }) => dynamoDbActionsSentBy(source, name));
    const { policy_statements: wired } = moduleBlock(await readMainTf(), 'users_function');

    const granted = (await usersPolicyStatements()).flatMap((statement) => statement.actions);

    expect(wired).toBe(interpolation('local.users_function_policy_statements'));
    expect([...new Set(granted)].sort()).toEqual([...new Set(sent)].sort());
  });

  it('grants item actions on the table ARN and Query on the by-created index ARN only', async () => {
    const statements = await usersPolicyStatements();
    const [index] = usersTable.globalSecondaryIndexes;
    const resourcesOf = (action: string): string[] =>
      statements
        .filter((statement) => statement.actions.includes(action))
        .flatMap((statement) => statement.resources);

    expect(resourcesOf('dynamodb:Query')).toEqual([
      interpolation(`module.users_table.index_arns["${index.name}"]`),
    ]);
    expect(resourcesOf('dynamodb:GetItem')).toEqual([interpolation('module.users_table.arn')]);
    expect(resourcesOf('dynamodb:PutItem')).toEqual([interpolation('module.users_table.arn')]);
  });

  it('routes what the manifest npm run build wrote from the sample controller says', async () => {
    // The route table the decorators make, with what each route requires.
    const declared = buildRouteTable(routes)
      .routes.map((route) => ({
        routeKey: route.routeKey,
        authorizationType: route.access === undefined ? 'NONE' : 'JWT',
        scopes: route.access?.scopes ?? [],
      }))
      .sort((a, b) => (a.routeKey < b.routeKey ? -1 : a.routeKey > b.routeKey ? 1 : 0));
    const manifest = JSON.parse(readFileSync(requireBuildOutput(USERS_MANIFEST), 'utf8')) as {
      routes: { routeKey: string; authorizationType: string; scopes: string[] }[];
    };
    const main = await readMainTf();
    const { integrations } = moduleBlock(main, 'http_api');
    const { users } = isRecord(integrations) ? integrations : {};
    const { routes: wired } = isRecord(users) ? users : {};

    expect(
      manifest.routes.map(({ routeKey, authorizationType, scopes }) => ({
        routeKey,
        authorizationType,
        scopes,
      })),
    ).toEqual(declared);
    expect(wired).toBe(interpolation('local.users_routes'));
    expect(localValue(main, 'users_route_manifest_path')).toContain(
      `${interpolation('local.repository_root')}/${USERS_MANIFEST}`,
    );
  });

  it('deploys the zips that npm run build writes, from the paths it writes them to', async () => {
    const main = await readMainTf();
    const functionZip = functionZipFromBuildConfig();

    expect(localValue(main, 'repository_root')).toBe(`${interpolation('path.root')}/..`);
    expect(localValue(main, 'layer_zip_path')).toContain(
      `${interpolation('local.repository_root')}/${LAYER_ZIP}`,
    );
    expect(localValue(main, 'users_function_zip_path')).toContain(
      `${interpolation('local.repository_root')}/${functionZip}`,
    );
    expect(listZipEntries(requireBuildOutput(LAYER_ZIP))).toEqual(
      expect.arrayContaining([
        'nodejs/node_modules/main.js',
        'nodejs/node_modules/lambda-controllers/package.json',
      ]),
    );
    expect(listZipEntries(requireBuildOutput(functionZip)).sort()).toEqual([
      'routes.js',
      'routes.js.map',
    ]);
  });
});

const tools = findTerraformTools();
// Without the tools on a laptop, the CLI checks count as skipped and their title gives the reason,
// which jest lists under its summary; CI must run them, so there they fail with that reason.
const skipReason = typeof tools === 'string' && process.env['CI'] !== 'true' ? tools : undefined;
const describeCliChecks = skipReason === undefined ? describe : describe.skip;
const cliChecks = `terraform CLI checks${skipReason === undefined ? '' : ` (skipped: ${skipReason})`}`;

describeCliChecks(cliChecks, () => {
  let workspace: TerraformWorkspace;
  let init: RunResult;

  beforeAll(() => {
    if (typeof tools === 'string') throw new Error(tools);
    workspace = new TerraformWorkspace(TERRAFORM, LAYER_DIST);
    init = workspace.run([
      'init',
      '-backend=false',
      `-plugin-dir=${tools.pluginDir}`,
      '-input=false',
      '-no-color',
    ]);
  }, TERRAFORM_TIMEOUT_MS);

  afterAll(() => {
    // Undefined when beforeAll failed for want of the tools.
    workspace?.remove();
  });

  it('is formatted (terraform fmt -check -recursive)', () => {
    const result = workspace.run(['fmt', '-check', '-recursive', '-diff', '-no-color'], TERRAFORM);

    expect(result).toEqual({ status: 0, output: '' });
  });

  it(
    'initializes offline from the provider mirror and validates',
    () => {
      expect(init).toEqual({ status: 0, output: expect.stringContaining(INIT_SUCCESS) });

      const validate = workspace.run(['validate', '-no-color']);

      expect(validate).toEqual({
        status: 0,
        output: expect.stringContaining('Success! The configuration is valid.'),
      });
    },
    TERRAFORM_TIMEOUT_MS,
  );

  it(
    'passes every run of terraform/tests/*.tftest.hcl (terraform test with mock_provider)',
    () => {
      expect(init).toEqual({ status: 0, output: expect.stringContaining(INIT_SUCCESS) });
      requireBuildOutput(LAYER_ZIP);
      requireBuildOutput(functionZipFromBuildConfig());
      const testsDir = join(TERRAFORM, 'tests');
      const runs = readdirSync(testsDir)
        .filter((name) => name.endsWith('.tftest.hcl'))
        .map((name) => readFileSync(join(testsDir, name), 'utf8').match(/^run "/gm)?.length ?? 0)
        .reduce((total, count) => total + count, 0);

      const result = workspace.run(['test', '-no-color']);

      // Every run counted as passed: none failed, errored or was skipped.
      expect(result).toEqual({
        status: 0,
        output: expect.stringContaining(`Success! ${runs} passed, 0 failed.`),
      });
    },
    TERRAFORM_TIMEOUT_MS,
  );

  it(
    'plans the routes of a new controller from its manifest, without a Terraform change',
    () => {
      // Prepare: a function with one public and one protected route it did not have before.
      const dir = compileFunction({ 'routes.js': SCRATCH_ROUTES });
      const manifest = join(dir, 'routes.json');
      const written = spawnSync(
        NODE22,
        [
          '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON',
          '--input-type=module',
          '-e',
          `import { writeRouteManifest } from ${JSON.stringify(ROUTE_MANIFEST_MODULE)};
           writeRouteManifest(${JSON.stringify(dir)}, 'scratch', ${JSON.stringify(LAYER_MODULES)});`,
        ],
        { encoding: 'utf8' },
      );
      expect(written.stderr).toBe('');
      const tests = join(workspace.dir, 'scratch-tests');
      mkdirSync(tests);
      writeFileSync(join(tests, 'scratch.tftest.hcl'), SCRATCH_TFTEST);

      // Act
      const result = workspace.run([
        'test',
        '-no-color',
        '-test-directory=scratch-tests',
        `-var=users_route_manifest_path=${manifest}`,
      ]);

      // Assess
      expect(JSON.parse(readFileSync(manifest, 'utf8'))).toEqual({
        function: 'scratch',
        routes: [
          {
            routeKey: 'DELETE /notes/{id}',
            authorizationType: 'JWT',
            scopes: ['notes/write'],
            groups: [],
            match: 'all',
          },
          {
            routeKey: 'GET /notes',
            authorizationType: 'NONE',
            scopes: [],
            groups: [],
            match: 'all',
          },
        ],
      });
      expect(result).toEqual({
        status: 0,
        output: expect.stringContaining('Success! 1 passed, 0 failed.'),
      });
    },
    TERRAFORM_TIMEOUT_MS,
  );
});
