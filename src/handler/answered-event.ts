import type { EventSource, LambdaHttpRequest } from '../events/types';
import type { HttpResponse } from '../http/response';
import type { Logger } from '../logging/logger';

/** One event taken through the pipeline up to its response, before anything is written. */
export interface AnsweredEvent {
  readonly started: number;
  readonly requestId: string | undefined;
  readonly source: EventSource<unknown, unknown>;
  /** `undefined` when the event could not be read into a request (a framework fault). */
  readonly request: LambdaHttpRequest | undefined;
  readonly route: string | null;
  /** `undefined` after a framework fault: the answer is then the last-resort 500. */
  readonly response: HttpResponse | undefined;
}

/** What a streaming handler needs of a handler `createHandler` made. */
export interface HandlerParts {
  /**
   * Detects, reads, dispatches and adds CORS; rejects only for events that are not HTTP events.
   */
  readonly answer: (event: unknown, context: unknown) => AnsweredEvent | Promise<AnsweredEvent>;
  /** The buffered result for the event's source, as the handler itself returns it. */
  readonly result: (answered: AnsweredEvent, event: unknown) => unknown;
  /** The problem response an error becomes, with its log line. */
  readonly problem: (error: unknown, answered: AnsweredEvent) => HttpResponse;
  /** Writes the access-log line, when access logging is on. */
  readonly logAnswer: (answered: AnsweredEvent, status: number) => void;
  readonly logger: Logger;
}

// Keyed by the handler function, like the served routes: a streaming handler is built from the
// very pipeline `createHandler` built, not a second one.
const parts = new WeakMap<object, HandlerParts>();

/** Records the parts of `handler`; called once, when the handler is created. */
export function recordHandlerParts(handler: object, handlerParts: HandlerParts): void {
  parts.set(handler, handlerParts);
}

/** The parts of `handler`, or `undefined` when `createHandler` did not make it. */
export function handlerPartsOf(handler: unknown): HandlerParts | undefined {
  return typeof handler === 'function' ? parts.get(handler) : undefined;
}
