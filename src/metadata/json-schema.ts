/**
 * JSON Schema 2020-12 (https://json-schema.org/draft/2020-12), as far as this package reads or
 * writes it: documentation decorators record schemas (`ApiResponse`, `ApiParam`) and the OpenAPI
 * builder writes them. Fields are mutable because the builder assembles schemas step by step.
 */

/**
 * A JSON Schema 2020-12 primitive type name.
 *
 * @example
 * ```ts
 * const nullableText: JsonSchemaType[] = ['string', 'null'];
 * ```
 */
export type JsonSchemaType =
  | 'string'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'object'
  | 'array'
  | 'null';

/**
 * A JSON Schema 2020-12 schema, limited to the keywords this package reads or writes.
 *
 * @example
 * ```ts
 * @ApiParam('limit', { schema: { type: 'integer', minimum: 1, maximum: 100 } })
 * ```
 */
export interface JsonSchema {
  $ref?: string;
  type?: JsonSchemaType | JsonSchemaType[];
  description?: string;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  not?: JsonSchema;
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  minProperties?: number;
  contentMediaType?: string;
}
