import type { TypeMetadata } from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import {
  getMetadataStorage,
  type MetadataStorage,
  ValidationTypes,
  type ValidatorOptions,
} from 'class-validator';
import { isDtoClass } from '../metadata/design-types';
import type { JsonSchema } from '../metadata/json-schema';
import type { SerializeSettings } from '../metadata/records';
import { DEFAULT_VALIDATOR_OPTIONS } from '../validation/validate-body';
import { constraintSchema } from './constraint-schemas';
import { serializedProperties, viewKeyOf } from './serialized-properties';
import { ValueSchema, withNull } from './value-schema';

type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];

/** A class the OpenAPI document describes through its class-validator decorators. */
export type DtoClass = new () => object;

/** OpenAPI component names allow `[A-Za-z0-9._-]` only. */
function componentName(dto: DtoClass): string {
  return dto.name.replace(/[^A-Za-z0-9._-]/g, '_') || 'Anonymous';
}

function constraintsOf(metadata: ValidationMetadata): readonly unknown[] | undefined {
  const constraints: unknown = metadata.constraints;
  return Array.isArray(constraints) ? constraints : undefined;
}

/** What one property's decorators say about presence and `null`. */
interface Presence {
  optional: boolean;
  nullable: boolean;
  defined: boolean;
  validated: boolean;
}

/** The view of requests: a DTO as the client sends it, before any class-transformer exposure. */
const REQUEST_VIEW = 'in';

/**
 * Turns DTO classes into JSON Schema 2020-12 components, from the class-validator metadata that
 * validates them and the class-transformer `@Type` metadata that nests them. Each class becomes
 * one component, referenced by `$ref`, so nested and recursive DTOs are described once.
 *
 * A DTO sent in responses is described as `instanceToPlain` sends it (`@Exclude`d properties
 * absent, `@Expose({ name })` renames, groups): one component per distinct shape, the class's own
 * name for the first, `<Name>Response` for another.
 */
export class SchemaRegistry {
  /** Per class, the component name of each view it is described in. */
  readonly #names = new Map<DtoClass, Map<string, string>>();
  readonly #schemas: Record<string, JsonSchema> = {};
  readonly #options: ValidatorOptions;

  /** @param options - The validator options bodies are validated with (whitelist, groups, skips). */
  constructor(options: ValidatorOptions = DEFAULT_VALIDATOR_OPTIONS) {
    this.#options = options;
  }

  /** The components described so far, by name. */
  get schemas(): Record<string, JsonSchema> {
    return this.#schemas;
  }

  /** Adds a component that is not a DTO (such as `Problem`) under `name`; returns its `$ref`. */
  define(name: string, schema: JsonSchema): { $ref: string } {
    const free = this.#freeName(name);
    this.#schemas[free] = schema;
    return { $ref: `#/components/schemas/${free}` };
  }

  /**
   * A `$ref` to the component of `dto`, describing it first if it is new.
   *
   * @param serialized - For a response body: the serialize settings it is sent with.
   */
  refTo(dto: DtoClass, serialized?: SerializeSettings): { $ref: string } {
    const view = serialized === undefined ? REQUEST_VIEW : viewKeyOf(serialized);
    const views = this.#names.get(dto) ?? new Map<string, string>();
    this.#names.set(dto, views);
    const known = views.get(view);
    if (known !== undefined) return { $ref: `#/components/schemas/${known}` };
    const base = componentName(dto);
    const name = this.#freeName(views.size === 0 ? base : `${base}Response`);
    views.set(view, name);
    // Reserved before describing, so a DTO that nests itself refers back instead of recursing.
    this.#schemas[name] = {};
    const schema = this.#objectSchema(dto, serialized);
    // `additionalProperties` is about what requests may send: a response of the same properties
    // is the same shape.
    const shape = (candidate: JsonSchema | undefined): string =>
      JSON.stringify({ ...candidate, additionalProperties: undefined });
    const same = [...views].find(
      ([other, otherName]) => other !== view && shape(this.#schemas[otherName]) === shape(schema),
    );
    if (same === undefined) {
      this.#schemas[name] = schema;
      return { $ref: `#/components/schemas/${name}` };
    }
    // The view sends what another view describes already: one component serves both.
    delete this.#schemas[name];
    views.set(view, same[1]);
    return { $ref: `#/components/schemas/${same[1]}` };
  }

  #freeName(base: string): string {
    let name = base;
    for (let n = 2; Object.hasOwn(this.#schemas, name); n++) name = `${base}${n}`;
    return name;
  }

  #objectSchema(dto: DtoClass, serialized: SerializeSettings | undefined): JsonSchema {
    const { always = false, strictGroups = false, groups } = this.#options;
    const byProperty = new Map<string, ValidationMetadata[]>();
    // The same arguments class-validator's executor passes, so groups select the same rules.
    for (const metadata of getMetadataStorage().getTargetValidationMetadatas(
      dto,
      '',
      always,
      strictGroups,
      groups,
    )) {
      const list = byProperty.get(metadata.propertyName) ?? [];
      list.push(metadata);
      byProperty.set(metadata.propertyName, list);
    }
    const sent =
      serialized === undefined
        ? [...byProperty.keys()].map((property) => ({ property, name: property }))
        : serializedProperties(dto, [...byProperty.keys()], serialized);
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const { property, name } of sent) {
      // An exposed property no validator describes may hold anything.
      const { schema, isRequired } = this.#propertySchema(
        dto,
        byProperty.get(property) ?? [],
        serialized,
      );
      properties[name] = schema;
      if (isRequired) required.push(name);
    }
    const schema: JsonSchema = { type: 'object', properties };
    if (required.length > 0) schema.required = required;
    // With whitelist alone, unknown properties are stripped, not refused: still allowed in.
    if (
      serialized === undefined &&
      this.#options.whitelist === true &&
      this.#options.forbidNonWhitelisted === true
    ) {
      schema.additionalProperties = false;
    }
    return schema;
  }

  #propertySchema(
    dto: DtoClass,
    metadatas: readonly ValidationMetadata[],
    serialized: SerializeSettings | undefined,
  ): { schema: JsonSchema; isRequired: boolean } {
    const value = new ValueSchema();
    const items = new ValueSchema();
    const presence: Presence = {
      optional: false,
      nullable: false,
      defined: false,
      validated: false,
    };
    for (const metadata of metadatas) {
      this.#apply(dto, metadata, { value, items }, presence, serialized);
    }
    const itemSchema = items.build();
    let schema = value.build() ?? {};
    if (itemSchema !== undefined) {
      // `each: true` validates the items of an array: the property is documented as that array.
      schema = { ...schema, type: 'array', items: itemSchema };
    }
    const { skipMissingProperties, skipUndefinedProperties, skipNullProperties } = this.#options;
    const isRequired =
      presence.defined ||
      (presence.validated &&
        !presence.optional &&
        skipMissingProperties !== true &&
        skipUndefinedProperties !== true);
    // class-validator skips every rule for null under IsOptional, or with the skip options.
    const acceptsNull =
      !presence.defined &&
      (presence.nullable ||
        !presence.validated ||
        skipMissingProperties === true ||
        skipNullProperties === true);
    return { schema: acceptsNull ? withNull(schema) : schema, isRequired };
  }

  #apply(
    dto: DtoClass,
    metadata: ValidationMetadata,
    targets: { value: ValueSchema; items: ValueSchema },
    presence: Presence,
    serialized: SerializeSettings | undefined,
  ): void {
    const target = metadata.each ? targets.items : targets.value;
    switch (metadata.type) {
      case ValidationTypes.WHITELIST:
        return;
      case ValidationTypes.IS_DEFINED:
        presence.defined = true;
        presence.validated = true;
        return;
      case ValidationTypes.CONDITIONAL_VALIDATION:
        // IsOptional skips the rules for null and undefined; ValidateIf for whatever its
        // condition says, which a schema cannot know: the property is at least optional.
        presence.optional = true;
        if (metadata.name === 'isOptional') presence.nullable = true;
        return;
      case ValidationTypes.NESTED_VALIDATION:
        presence.validated = true;
        this.#nested(dto, metadata, targets, serialized);
        return;
      case ValidationTypes.CUSTOM_VALIDATION: {
        presence.validated = true;
        const constraint = constraintSchema(metadata.name, constraintsOf(metadata));
        if (constraint !== undefined) target.add(constraint);
        return;
      }
      default:
        presence.validated = true;
    }
  }

  /** `ValidateNested` with `@Type(() => Dto)`: a `$ref`, or an array of them. */
  #nested(
    dto: DtoClass,
    metadata: ValidationMetadata,
    targets: { value: ValueSchema; items: ValueSchema },
    serialized: SerializeSettings | undefined,
  ): void {
    const property = metadata.propertyName;
    // Typed as always found; it is undefined for a property without @Type.
    const typeMetadata: TypeMetadata | undefined = defaultMetadataStorage.findTypeMetadata(
      dto,
      property,
    );
    const nested = typeMetadata?.typeFunction({ newObject: {}, object: {}, property });
    const isArray =
      metadata.each || typeMetadata?.reflectedType === Array || targets.value.isArray();
    const target = isArray ? targets.items : targets.value;
    if (isDtoClass(nested)) {
      target.refer(this.refTo(nested, serialized).$ref);
    } else {
      // Without @Type, class-transformer leaves a plain object, which class-validator refuses
      // to validate as nested: all the document can say is "an object".
      target.add({ type: 'object' });
    }
  }
}
