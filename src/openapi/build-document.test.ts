import 'reflect-metadata';
import { IsInt, IsString } from 'class-validator';
import {
  ApiOperation,
  ApiParam,
  ApiProblem,
  ApiResponse,
  ApiTags,
  Body,
  createHandler,
  Delete,
  Get,
  Headers,
  HttpCode,
  HttpResponse,
  Param,
  Post,
  Put,
  Query,
  RouteDefinitionError,
} from '../index';
import { parsePathTemplate } from '../routing/path-pattern';
import { httpApiEvent } from '../test/support/http-api-event';
import { lambdaContext } from '../test/support/lambda-context';
import { buildOpenApiDocument, toOpenApiPath } from './build-document';
import type { OpenApiDocument } from './document-types';
import { OpenApiDocumentError } from './openapi-document-error';

const INFO = { title: 'Test API', version: '1.0.0' };

class ItemDto {
  @IsString() name!: string;
  @IsInt() count!: number;
}

class Items {
  @Post('/items')
  @HttpCode(201)
  create(@Body() item: ItemDto) {
    return item;
  }

  @Get('/items/{id}')
  get(@Param('id') id: number, @Headers('X-Trace') _trace?: string) {
    return { id };
  }

  @Get('/items')
  list(@Query('limit') limit?: number, @Query('tag') tags?: string[], @Query('q') q?: string) {
    return { limit, tags, q };
  }

  @Put('/items/{id}/note')
  note(@Param('id') id: string, @Body() text: string, @Headers('content-type') _type?: string) {
    return { id, text };
  }

  @Put('/items/{id}/blob')
  blob(@Param('id') _id: string, @Body() _bytes: Buffer) {
    return undefined;
  }

  @Delete('/items/{id}')
  @HttpCode(204)
  remove(@Param('id') _id: string) {
    return undefined;
  }

  @Get('/files/{path+}')
  file(@Param('path') path: string) {
    return path;
  }
}

function operationOf(
  document: OpenApiDocument,
  path: string,
  method: 'get' | 'post' | 'put' | 'delete',
) {
  const operation = document.paths[path]?.[method];
  if (operation === undefined) throw new Error(`No ${method} ${path} in the document`);
  return operation;
}

describe('buildOpenApiDocument', () => {
  const document = buildOpenApiDocument(createHandler(Items), INFO);

  it('writes an OpenAPI 3.1 document with info and the Problem component', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toEqual(INFO);
    expect(document.components.schemas['Problem']?.required).toEqual(['type', 'title', 'status']);
  });

  it('documents each route under its canonical path and lower-case method', () => {
    expect(
      Object.entries(document.paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method} ${path}`),
      ),
    ).toEqual([
      'post /items',
      'get /items',
      'get /items/{id}',
      'delete /items/{id}',
      'put /items/{id}/note',
      'put /items/{id}/blob',
      'get /files/{path}',
    ]);
  });

  it('documents path parameters with their declared types, and named headers', () => {
    expect(operationOf(document, '/items/{id}', 'get').parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'number' } },
      { name: 'x-trace', in: 'header', required: false, schema: { type: 'string' } },
    ]);
  });

  it('leaves out the header parameters OpenAPI ignores', () => {
    expect(operationOf(document, '/items/{id}/note', 'put').parameters?.map((p) => p.name)).toEqual(
      ['id'],
    );
  });

  it('documents query parameters as optional, arrays as repeated keys', () => {
    expect(operationOf(document, '/items', 'get').parameters).toEqual([
      { name: 'limit', in: 'query', required: false, schema: { type: 'number' } },
      {
        name: 'tag',
        in: 'query',
        required: false,
        schema: { type: 'array', items: { type: 'string' } },
      },
      { name: 'q', in: 'query', required: false, schema: { type: 'string' } },
    ]);
  });

  it('documents a greedy parameter as a plain one, with a note', () => {
    const [parameter] = operationOf(document, '/files/{path}', 'get').parameters ?? [];

    expect(toOpenApiPath(parsePathTemplate('/files/{path+}'))).toBe('/files/{path}');
    expect(parameter).toMatchObject({ name: 'path', in: 'path', required: true });
    expect(parameter?.description).toContain('Greedy');
  });

  it.each<[string, 'post' | 'put', unknown]>([
    [
      '/items',
      'post',
      {
        required: true,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ItemDto' } } },
      },
    ],
    [
      '/items/{id}/note',
      'put',
      { required: false, content: { 'text/plain': { schema: { type: 'string' } } } },
    ],
    ['/items/{id}/blob', 'put', { required: false, content: { 'application/octet-stream': {} } }],
  ])('documents the request body of %s', (path, method, expected) => {
    expect(operationOf(document, path, method).requestBody).toEqual(expected);
  });

  it.each<[string, 'get' | 'post' | 'put' | 'delete', string[]]>([
    ['/items', 'post', ['201', '400', '405', '413', '415', '500']],
    ['/items', 'get', ['200', '400', '405', '500']],
    ['/items/{id}', 'get', ['200', '400', '404', '405', '500']],
    ['/items/{id}/note', 'put', ['200', '404', '405', '413', '500']],
    ['/items/{id}', 'delete', ['204', '404', '405', '500']],
  ])('documents the statuses %s %s can answer', (path, method, statuses) => {
    expect(Object.keys(operationOf(document, path, method).responses)).toEqual(statuses);
  });

  it('documents framework errors as problem+json with the Problem schema, 405 with Allow', () => {
    const responses = operationOf(document, '/items', 'post').responses;

    expect(responses['415']?.content).toEqual({
      'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
    });
    expect(responses['405']?.headers?.['Allow']).toMatchObject({ required: true });
    expect(responses['413']?.description).toContain('1048576 bytes');
  });

  it('takes the body limit and validator options from the handler options', () => {
    const strict = buildOpenApiDocument(
      createHandler(Items, { maxBodyBytes: 1000, validator: { forbidNonWhitelisted: false } }),
      INFO,
    );

    expect(operationOf(strict, '/items', 'post').responses['413']?.description).toContain(
      '1000 bytes',
    );
    expect(strict.components.schemas['ItemDto']?.additionalProperties).toBeUndefined();
  });

  it('names operations Class_method and lists servers when given', () => {
    const withServers = buildOpenApiDocument(createHandler(Items), INFO, {
      servers: [{ url: 'https://api.example.com' }],
    });

    expect(operationOf(withServers, '/items', 'post').operationId).toBe('Items_create');
    expect(withServers.servers).toEqual([{ url: 'https://api.example.com' }]);
    expect(document.servers).toBeUndefined();
  });
});

@ApiTags('users')
class Documented {
  @Get('/users/{id}')
  @ApiOperation({ summary: 'One user', description: 'By id.', operationId: 'getUser' })
  @ApiTags('read')
  @ApiResponse(200, ItemDto, { headers: { ETag: 'Version of the user.' } })
  @ApiProblem(404, 'No such user.')
  @ApiProblem(409, 'Conflict.', { headers: { 'Retry-After': 'Seconds.' } })
  get(@Param('id') id: string) {
    return { id };
  }

  @Get('/users')
  @ApiResponse(200, [ItemDto])
  @ApiResponse(206, { type: 'array' }, { description: 'Part of them.' })
  @ApiParam('limit', { description: 'Page size', schema: { type: 'integer', minimum: 1 } })
  @ApiParam('sort', { description: 'Sort key', required: true })
  @ApiOperation({ deprecated: true })
  list(@Query('limit') limit?: number) {
    return new HttpResponse({ body: { limit } });
  }
}

describe('buildOpenApiDocument with documentation decorators', () => {
  const document = buildOpenApiDocument(createHandler([Documented]), INFO);

  it('documents summary, description, operation id, deprecation and tags', () => {
    const get = operationOf(document, '/users/{id}', 'get');

    expect(get).toMatchObject({
      operationId: 'getUser',
      summary: 'One user',
      description: 'By id.',
      tags: ['users', 'read'],
    });
    expect(operationOf(document, '/users', 'get')).toMatchObject({
      deprecated: true,
      tags: ['users'],
    });
    expect(document.tags).toEqual([{ name: 'users' }, { name: 'read' }]);
  });

  it('documents declared responses with their bodies and headers', () => {
    const get = operationOf(document, '/users/{id}', 'get').responses;
    const list = operationOf(document, '/users', 'get').responses;

    expect(get['200']).toEqual({
      description: 'OK',
      headers: {
        ETag: { description: 'Version of the user.', required: true, schema: { type: 'string' } },
      },
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ItemDto' } } },
    });
    expect(list['200']?.content?.['application/json']?.schema).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/ItemDto' },
    });
    expect(list['206']).toEqual({
      description: 'Part of them.',
      content: { 'application/json': { schema: { type: 'array' } } },
    });
  });

  it('lets ApiProblem describe framework errors and add its own', () => {
    const responses = operationOf(document, '/users/{id}', 'get').responses;

    expect(responses['404']?.description).toBe('No such user.');
    expect(responses['409']).toMatchObject({
      description: 'Conflict.',
      headers: { 'Retry-After': { required: true } },
      content: { 'application/problem+json': {} },
    });
  });

  it('refines bound parameters and adds unbound ones with ApiParam', () => {
    expect(operationOf(document, '/users', 'get').parameters).toEqual([
      {
        name: 'limit',
        in: 'query',
        required: false,
        description: 'Page size',
        schema: { type: 'integer', minimum: 1 },
      },
      { name: 'sort', in: 'query', required: true, description: 'Sort key', schema: {} },
    ]);
  });

  it('inherits the docs of inherited routes, and the class tags of the nearest class', () => {
    class Child extends Documented {}

    const inherited = buildOpenApiDocument(createHandler(Child), INFO);

    expect(operationOf(inherited, '/users/{id}', 'get')).toMatchObject({
      operationId: 'getUser',
      tags: ['users', 'read'],
    });
  });

  it('leaves routing as it is: the handler answers as without the decorators', async () => {
    const handler = createHandler(Documented, { accessLog: false });

    const result = await handler(httpApiEvent('GET', '/users/7'), lambdaContext());

    expect(result).toMatchObject({ statusCode: 200, body: '{"id":"7"}' });
  });
});

describe('buildOpenApiDocument refusals', () => {
  it('refuses what createHandler did not make, such as the controllers themselves', () => {
    const notAHandler = Items as unknown as Parameters<typeof buildOpenApiDocument>[0];

    expect(() => buildOpenApiDocument(notAHandler, INFO)).toThrow(
      new OpenApiDocumentError(
        'buildOpenApiDocument describes a handler made by createHandler: pass ' +
          'createHandler(routes, options), not the controllers.',
      ),
    );
  });

  it('refuses what the handler refuses: colliding routes', () => {
    class A {
      @Get('/x/{a}') a() {}
    }
    class B {
      @Get('/x/{b}') b() {}
    }

    expect(() => buildOpenApiDocument(createHandler([A, B]), INFO)).toThrow(RouteDefinitionError);
  });

  it('refuses two templates OpenAPI cannot tell apart', () => {
    class Twins {
      @Get('/x/{a}') a() {}
      @Delete('/x/{b}') b() {}
    }

    expect(() => buildOpenApiDocument(createHandler(Twins), INFO)).toThrow(
      'DELETE /x/{b} is documented as /x/{b}, which OpenAPI cannot tell apart from /x/{a}',
    );
  });

  it('refuses a greedy and a plain route that document as the same operation', () => {
    class Greedy {
      @Get('/f/{p+}') all() {}
      @Get('/f/{p}') one() {}
    }

    expect(() => buildOpenApiDocument(createHandler(Greedy), INFO)).toThrow(OpenApiDocumentError);
    expect(() => buildOpenApiDocument(createHandler(Greedy), INFO)).toThrow(
      'GET /f/{p} and GET /f/{p+} are both documented as GET /f/{p}',
    );
  });

  it('refuses a repeated operation id', () => {
    class Repeated {
      @Get('/a') @ApiOperation({ operationId: 'same' }) a() {}
      @Get('/b') @ApiOperation({ operationId: 'same' }) b() {}
    }

    expect(() => buildOpenApiDocument(createHandler(Repeated), INFO)).toThrow(
      'Operation id "same" of GET /b is used twice',
    );
  });

  it('refuses ApiParam naming a path parameter the route does not have', () => {
    class Missing {
      @Get('/a') @ApiParam('id', { in: 'path' }) a() {}
    }

    expect(() => buildOpenApiDocument(createHandler(Missing), INFO)).toThrow(
      '@ApiParam("id") on GET /a names a path parameter the route template does not have.',
    );
  });
});
