import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, ValidateNested } from 'class-validator';
import {
  ApiOperation,
  ApiParam,
  ApiProblem,
  ApiResponse,
  Authorized,
  Body,
  createHandler,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Public,
  Put,
  Query,
  UseGuards,
} from 'lambda-controllers';
import { buildOpenApiDocument, type OpenApiDocument } from 'lambda-controllers/openapi';
import {
  lintOpenApiFile,
  readOpenApiFile,
  validateOpenApiFile,
  writeSampleDocument,
} from './support/openapi-document.ts';

let folder: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'openapi-'));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('npm run openapi', () => {
  let file: string;
  let document: OpenApiDocument;

  beforeAll(() => {
    file = join(folder, 'sample.json');
    writeSampleDocument(file);
    document = readOpenApiFile(file);
  });

  it('writes a document that @seriousme/openapi-schema-validator accepts as OpenAPI 3.1', () => {
    expect(validateOpenApiFile(file)).toEqual({ valid: true, errors: undefined });
  });

  it("passes Redocly's recommended rules, security-defined included", () => {
    expect(lintOpenApiFile(file)).toEqual([]);
  });

  it('documents users/write on PATCH and DELETE, a token on the export, and security: [] on the public routes', () => {
    const security = Object.fromEntries(
      Object.entries(document.paths).flatMap(([path, item]) =>
        Object.entries(item).map(([method, operation]) => [
          `${method.toUpperCase()} ${path}`,
          operation.security,
        ]),
      ),
    );

    expect(security).toEqual({
      'POST /users': [],
      'GET /users': [],
      'GET /users/{id}': [],
      'GET /users/export': [{ bearerAuth: [] }],
      'PATCH /users/{id}': [{ bearerAuth: ['users/write'] }],
      'DELETE /users/{id}': [{ bearerAuth: ['users/write'] }],
    });
  });

  it('documents the six routes of the built sample function', () => {
    expect(
      Object.entries(document.paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    ).toEqual([
      'POST /users',
      'GET /users',
      'GET /users/export',
      'GET /users/{id}',
      'PATCH /users/{id}',
      'DELETE /users/{id}',
    ]);
  });

  it.each([
    ['/users', 'post', ['201', '400', '405', '409', '413', '415', '500', '503']],
    ['/users', 'get', ['200', '400', '405', '500', '503']],
    ['/users/{id}', 'get', ['200', '404', '405', '500', '503']],
    ['/users/export', 'get', ['200', '401', '403', '405', '500', '503']],
    [
      '/users/{id}',
      'patch',
      ['200', '400', '401', '403', '404', '405', '409', '412', '413', '415', '428', '500', '503'],
    ],
    ['/users/{id}', 'delete', ['204', '401', '403', '404', '405', '412', '500', '503']],
  ] as const)('documents the statuses of %s %s', (path, method, statuses) => {
    expect(Object.keys(document.paths[path]?.[method]?.responses ?? {})).toEqual(statuses);
  });

  it('describes CreateUserDto from its class-validator constraints', () => {
    expect(document.components.schemas['CreateUserDto']).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 100 },
        email: { type: 'string', maxLength: 254, format: 'email' },
      },
      required: ['name', 'email'],
      additionalProperties: false,
    });
  });

  it('describes User as it is sent: the excluded version absent', () => {
    const user = document.components.schemas['User'] as { properties: object; required: string[] };

    expect(Object.keys(user.properties)).toEqual(['id', 'name', 'email', 'createdAt']);
    expect(user.required).toEqual(['id', 'name', 'email', 'createdAt']);
  });
});

class Part {
  @IsString() label!: string;
}

class Widget {
  @IsString() name!: string;
  @IsOptional() @IsInt() size?: number;
  @ValidateNested({ each: true }) @Type(() => Part) parts!: Part[];
}

/** Every construct the builder emits, in one controller. */
class Everything {
  @Post('/widgets') @HttpCode(201) create(@Body() widget: Widget) {
    return widget;
  }

  @Get('/widgets/{id}') get(@Param('id') id: number, @Headers('x-trace') _trace?: string) {
    return { id };
  }

  @Get('/widgets')
  @ApiParam('sort', { description: 'Sort key' })
  @ApiResponse(200, [Widget])
  list(@Query('tag') tags?: string[], @Query('all') all?: boolean) {
    return { tags, all };
  }

  @Put('/widgets/{id}/note') note(@Param('id') id: string, @Body() text: string) {
    return { id, text };
  }

  @Put('/widgets/{id}/blob') @ApiResponse(204) blob(@Param('id') _id: string, @Body() _b: Buffer) {
    return undefined;
  }

  @Delete('/widgets/{id}')
  @ApiProblem(409, 'In use.', { headers: { 'Retry-After': 'Seconds.' } })
  remove(@Param('id') _id: string) {
    return undefined;
  }

  @Get('/files/{path+}') file(@Param('path') path: string) {
    return path;
  }
}

describe('buildOpenApiDocument output', () => {
  it('is valid OpenAPI 3.1 for every construct it emits', () => {
    // Prepare
    const file = join(folder, 'everything.json');
    writeFileSync(
      file,
      JSON.stringify(
        buildOpenApiDocument(createHandler(Everything), { title: 'All', version: '1' }),
      ),
    );

    // Act / Assess
    expect(validateOpenApiFile(file)).toEqual({ valid: true, errors: undefined });
  });
});

@Authorized({ scopes: ['orders:write'] })
class Orders {
  @Get('/orders')
  @Public()
  @ApiOperation({ summary: 'List orders' })
  @ApiResponse(200, { type: 'array', items: { type: 'string' } })
  list() {
    return [];
  }
  @Post('/orders')
  @HttpCode(201)
  @ApiOperation({ summary: 'Place an order' })
  @ApiResponse(201, { type: 'object' })
  create() {
    return {};
  }
  @Get('/orders/{id}/audit')
  @Authorized({ scopes: ['orders:audit'], groups: ['auditors'], match: 'any' })
  @UseGuards(() => true)
  @ApiOperation({ summary: "Read an order's audit trail" })
  @ApiResponse(200, { type: 'object' })
  audit(@Param('id') id: string) {
    return { id };
  }
}

describe('buildOpenApiDocument security', () => {
  const document = buildOpenApiDocument(
    createHandler(Orders),
    {
      title: 'Orders',
      version: '1',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    { servers: [{ url: 'https://orders.acme.test' }] },
  );

  it('documents routes under @Authorized with the bearer scheme, their scopes and their 401 and 403', () => {
    // Act
    const create = document.paths['/orders']?.post;
    const audit = document.paths['/orders/{id}/audit']?.get;

    // Assess
    expect(document.components.securitySchemes).toEqual({
      bearerAuth: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
    });
    expect(create?.security).toEqual([{ bearerAuth: ['orders:write'] }]);
    expect(audit?.security).toEqual([
      { bearerAuth: ['orders:audit'] },
      { bearerAuth: ['auditors'] },
    ]);
    expect(create?.responses['401']?.headers).toHaveProperty('WWW-Authenticate');
    expect(create?.responses['403']?.description).toBe(
      'Forbidden: the caller lacks scope orders:write (`detail` names what is missing).',
    );
    expect(audit?.responses['403']?.description).toBe(
      'Forbidden: the caller lacks one of scope orders:audit; group auditors (`detail` names what is missing); or a guard refused the request.',
    );
  });

  it('says security: [] on a public operation, and documents no 401 for it', () => {
    // Act
    const list = document.paths['/orders']?.get;

    // Assess
    expect(list?.security).toEqual([]);
    expect(list?.responses).not.toHaveProperty('401');
  });

  it('passes the recommended rules of an independent linter (Redocly), security-defined included', () => {
    // Arrange
    const file = join(folder, 'orders.json');
    writeFileSync(file, JSON.stringify(document));

    // Act
    const problems = lintOpenApiFile(file);

    // Assess
    expect(problems).toEqual([]);
    expect(validateOpenApiFile(file)).toEqual({ valid: true, errors: undefined });
  });
});
