import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, ValidateNested } from 'class-validator';
import {
  ApiParam,
  ApiProblem,
  ApiResponse,
  Body,
  createHandler,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
} from 'lambda-controllers';
import { buildOpenApiDocument, type OpenApiDocument } from 'lambda-controllers/openapi';
import {
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

  it('documents the four routes of the built sample function', () => {
    expect(
      Object.entries(document.paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    ).toEqual(['POST /users', 'GET /users', 'GET /users/export', 'GET /users/{id}']);
  });

  it.each([
    ['/users', 'post', ['201', '400', '405', '409', '413', '415', '500', '503']],
    ['/users', 'get', ['200', '400', '405', '500', '503']],
    ['/users/{id}', 'get', ['200', '404', '405', '500', '503']],
    ['/users/export', 'get', ['200', '405', '500', '503']],
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
