/** The HTTP methods a route decorator can declare. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** What a method decorator records: one route on one method of a controller. */
export interface RouteRecord {
  readonly method: HttpMethod;
  readonly path: string;
  readonly propertyKey: string | symbol;
}

export type ParamKind = 'param' | 'query' | 'body' | 'headers' | 'req';

/** What a parameter decorator records. `dto` is set only by `Body(Dto)`. */
export interface ParamRecord {
  readonly kind: ParamKind;
  readonly propertyKey: string | symbol;
  readonly index: number;
  readonly name: string | undefined;
  readonly dto: (new () => object) | undefined;
}

/** Everything the decorators of one class wrote, in declaration order. */
export interface ControllerRecord {
  readonly routes: RouteRecord[];
  readonly params: ParamRecord[];
  readonly httpCodes: Map<string | symbol, number>;
}
