import { DecoratorUsageError } from '../errors/config-errors';
import { getMetadataStore } from '../metadata/store';
import { ApiOperation, ApiParam, ApiProblem, ApiResponse, ApiTags } from './api-docs';
import { Get } from './route';

describe('documentation decorators', () => {
  it('record into the metadata store, keyed by the class, and nothing else', () => {
    // Prepare / Act
    @ApiTags('things')
    class Things {
      @Get('/things')
      @ApiOperation({ summary: 'All things' })
      @ApiResponse(200, { type: 'array' })
      @ApiProblem(409)
      @ApiParam('q')
      list() {}
    }

    // Assess
    const record = getMetadataStore().get(Things);
    expect(record?.routes).toHaveLength(1);
    expect(record?.params).toEqual([]);
    expect(record?.docs.map((doc) => doc.kind).sort()).toEqual([
      'operation',
      'param',
      'response',
      'response',
      'tags',
    ]);
    expect(record?.docs.find((doc) => doc.kind === 'tags')?.propertyKey).toBeUndefined();
  });

  it.each([
    ['ApiResponse', () => ApiResponse(99), 'from 100 to 599'],
    ['ApiResponse', () => ApiResponse(200.5), 'from 100 to 599'],
    ['ApiProblem', () => ApiProblem(399), 'from 400 to 599'],
    ['ApiProblem', () => ApiProblem(600), 'from 400 to 599'],
  ])('%s refuses a status out of range', (_name, make, message) => {
    expect(make).toThrow(DecoratorUsageError);
    expect(make).toThrow(message);
  });

  it('refuse to run as standard (TC39) decorators', () => {
    const context = { kind: 'method', name: 'list', static: false, private: false };

    expect(() =>
      Reflect.apply(ApiOperation({ summary: 'x' }), undefined, [() => undefined, context]),
    ).toThrow('"experimentalDecorators": true');
  });

  it('refuse static methods', () => {
    class Static {
      static list() {}
      instance() {}
    }

    expect(() =>
      ApiTags('x')(Static, 'list', Object.getOwnPropertyDescriptor(Static, 'list') ?? {}),
    ).toThrow('@ApiTags is not on an instance method: it documents a route method.');
  });
});
