import type { DocRecord } from '../metadata/records';
import { classChainOf, getMetadataStore } from '../metadata/store';

type ResponseDoc = Extract<DocRecord, { kind: 'response' }>;
type ParamDoc = Extract<DocRecord, { kind: 'param' }>;

/** Everything the documentation decorators say about one route method. */
export interface RouteDocs {
  readonly summary: string | undefined;
  readonly description: string | undefined;
  readonly operationId: string | undefined;
  readonly deprecated: boolean | undefined;
  readonly tags: readonly string[];
  readonly responses: readonly ResponseDoc[];
  readonly params: readonly ParamDoc[];
}

/**
 * Reads the documentation records of a route method. They come from the class that declares the
 * route (a subclass overriding it hides its parent's docs, as it hides its route); class-level
 * tags come from the nearest class that declares some.
 */
export function collectRouteDocs(controller: object, propertyKey: string | symbol): RouteDocs {
  const store = getMetadataStore();
  const chain = classChainOf(controller);
  const owner = chain.find((candidate) =>
    store.get(candidate)?.routes.some((route) => route.propertyKey === propertyKey),
  );
  const docs = (owner === undefined ? [] : (store.get(owner)?.docs ?? [])).filter(
    (doc) => doc.propertyKey === propertyKey,
  );
  const classTags =
    chain
      .map((candidate) =>
        (store.get(candidate)?.docs ?? []).flatMap((doc) =>
          doc.kind === 'tags' && doc.propertyKey === undefined ? doc.tags : [],
        ),
      )
      .find((tags) => tags.length > 0) ?? [];
  const methodTags = docs.flatMap((doc) => (doc.kind === 'tags' ? doc.tags : []));
  const result: {
    -readonly [K in keyof RouteDocs]: RouteDocs[K];
  } = {
    summary: undefined,
    description: undefined,
    operationId: undefined,
    deprecated: undefined,
    tags: [...new Set([...classTags, ...methodTags])],
    responses: docs.filter((doc): doc is ResponseDoc => doc.kind === 'response'),
    params: docs.filter((doc): doc is ParamDoc => doc.kind === 'param'),
  };
  for (const doc of docs) {
    if (doc.kind !== 'operation') continue;
    result.summary = doc.summary ?? result.summary;
    result.description = doc.description ?? result.description;
    result.operationId = doc.operationId ?? result.operationId;
    result.deprecated = doc.deprecated ?? result.deprecated;
  }
  return result;
}
