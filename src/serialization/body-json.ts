import type { SerializeSettings } from '../metadata/records';
import { CircularBodyError } from './circular-body-error';
import { holdsInstances } from './holds-instances';
import { prepareKnownClasses, stringifyWriting } from './known-classes';
import { toPlainBody, transformOptionsOf } from './to-plain-body';

type Strategy = SerializeSettings['strategy'];

/** A JSON body's text, or undefined when `JSON.stringify` gives none (a function, a symbol). */
export type BodyJson = (body: unknown) => string | undefined;

/**
 * The error to answer for a body `JSON.stringify` refused: a {@link CircularBodyError} naming the
 * path when the body contains itself (found by a careful walk, which only this error path pays
 * for), else the error as it came.
 */
function explained(error: unknown, body: unknown, strategy: Strategy): unknown {
  if (error instanceof CircularBodyError) return error;
  try {
    holdsInstances(body, strategy);
  } catch (cycle) {
    // A getter that throws while walked says less than the error JSON.stringify gave first.
    if (cycle instanceof CircularBodyError) return cycle;
  }
  return error;
}

/**
 * How a route's JSON bodies are written: its settings over the handler's, decided once, when the
 * handler is created. Instances of classes class-transformer knows go through `instanceToPlain`
 * with those settings, at any depth, while `JSON.stringify` writes the body, so plain data costs
 * what `JSON.stringify` costs. Under `excludeAll` every class instance must be reduced to its
 * exposed properties, decorated or not, so those bodies are walked for instances first, as they
 * are when a class could not be prepared.
 *
 * @returns the function `toOutgoingResponse` writes JSON bodies with; it throws
 * {@link CircularBodyError} for a body that contains itself.
 */
export function bodyJsonOf(
  route: SerializeSettings | undefined,
  defaults: SerializeSettings | undefined,
): BodyJson {
  const options = transformOptionsOf(route, defaults);
  const strategy: Strategy = options.strategy;
  const walkFirst = strategy === 'excludeAll';
  return (body) => {
    let sent = body;
    try {
      if ((!prepareKnownClasses() || walkFirst) && holdsInstances(body, strategy)) {
        sent = toPlainBody(body, options);
      }
      return stringifyWriting(sent, options);
    } catch (error) {
      throw explained(error, body, strategy);
    }
  };
}
