import 'reflect-metadata';
import { Exclude, Expose, Type } from 'class-transformer';
import { IsInt, IsString, ValidateNested } from 'class-validator';
import { ApiResponse, Body, createHandler, Get, Post, SerializeOptions } from '../index';
import { buildOpenApiDocument } from './build-document';
import type { OpenApiDocument } from './document-types';

const INFO = { title: 'Test API', version: '1.0.0' };

class OwnerDto {
  @IsString() name!: string;
  @Exclude() @IsString() passwordHash!: string;
}

class AccountDto {
  @IsString() id!: string;
  @Exclude() @IsInt() version!: number;
  @Expose({ name: 'display_name' }) @IsString() displayName!: string;
  @Expose({ groups: ['admin'] }) @IsString() note!: string;
  @Expose() get initials(): string {
    return this.displayName.slice(0, 1);
  }
  @ValidateNested() @Type(() => OwnerDto) owner!: OwnerDto;
}

class PlainDto {
  @IsString() name!: string;
}

function schemasOf(document: OpenApiDocument): Record<string, unknown> {
  return document.components?.schemas ?? {};
}

describe('buildOpenApiDocument for serialized responses', () => {
  class Accounts {
    @Get('/accounts/{id}') @ApiResponse(200, AccountDto) get() {
      return undefined;
    }
    @Get('/admin/accounts')
    @SerializeOptions({ groups: ['admin'] })
    @ApiResponse(200, [AccountDto])
    list() {
      return undefined;
    }
    @Get('/export')
    @ApiResponse(200, AccountDto, { contentType: 'application/x-ndjson' })
    exportAll() {
      return undefined;
    }
    @Post('/plain') @ApiResponse(201, PlainDto) create(@Body() plain: PlainDto) {
      return plain;
    }
  }
  const document = buildOpenApiDocument(createHandler(Accounts), INFO);
  const schemas = schemasOf(document);

  it('leaves excluded properties out, renames exposed ones, adds exposed getters', () => {
    expect(schemas['AccountDto']).toEqual({
      type: 'object',
      properties: {
        id: { type: 'string' },
        display_name: { type: 'string' },
        owner: { $ref: '#/components/schemas/OwnerDto' },
        initials: {},
      },
      required: ['id', 'display_name', 'owner'],
    });
    expect(schemas['OwnerDto']).toEqual({
      type: 'object',
      properties: { name: { type: 'string' } },
      required: ['name'],
    });
  });

  it('describes a route serializing with groups in its own component, nested ones included', () => {
    const list = document.paths['/admin/accounts']?.get?.responses['200'];

    expect(list?.content?.['application/json']?.schema).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/AccountDtoResponse' },
    });
    expect(
      Object.keys((schemas['AccountDtoResponse'] as { properties: object }).properties),
    ).toEqual(['id', 'display_name', 'note', 'owner', 'initials']);
    // The nested DTO sends the same shape under either settings: one component.
    expect(schemas['OwnerDtoResponse']).toBeUndefined();
  });

  it('documents a body under the media type ApiResponse names', () => {
    const exported = document.paths['/export']?.get?.responses['200'];

    expect(exported?.content).toEqual({
      'application/x-ndjson': { schema: { $ref: '#/components/schemas/AccountDto' } },
    });
  });

  it('shares one component between a request and a response of the same shape', () => {
    const create = document.paths['/plain']?.post;

    expect(create?.requestBody?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/PlainDto',
    });
    expect(create?.responses['201']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/PlainDto',
    });
    expect(schemas['PlainDtoResponse']).toBeUndefined();
  });
});
