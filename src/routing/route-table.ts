import { RouteDefinitionError, RoutesModuleError } from '../errors/config-errors';
import { controllerError } from '../errors/routes-origin';
import { getParamTypes } from '../metadata/design-types';
import type {
  AccessRecord,
  AccessRequirement,
  GuardRecord,
  HttpMethod,
  ParamRecord,
  RouteRecord,
  SerializeSettings,
  UseRecord,
} from '../metadata/records';
import { classChainOf, getMetadataStore } from '../metadata/store';
import type { Guard } from '../middleware/guard';
import type { Middleware } from '../middleware/middleware';
import { type ControllerResolver, instantiateController } from './instantiate-controller';
import { type MatchResult, RouteMatcher } from './matcher';
import { type ParamBinding, toParamBinding } from './param-binding';
import {
  formatTemplate,
  type PathSegment,
  PathTemplateError,
  parsePathTemplate,
} from './path-pattern';
import { accessOf, guardsOf } from './route-access';
import { serializeSettingsOf } from './serialize-settings-of';

/** A route ready to serve: where it came from, what to call, and how to bind its arguments. */
export interface RouteDefinition {
  readonly method: HttpMethod;
  /** The template in canonical form, e.g. `/users/{id}`. */
  readonly path: string;
  /**
   * The template parsed once, when the table is built: the matcher, the OpenAPI builder and the
   * local server read these instead of parsing `path` again.
   */
  readonly segments: readonly PathSegment[];
  /** `METHOD /template`, as logs show it. */
  readonly routeKey: string;
  /** The controller class that declares the route (a subclass for inherited routes). */
  readonly controller: Controller;
  readonly controllerName: string;
  readonly propertyKey: string | symbol;
  readonly invoke: (args: unknown[]) => unknown;
  readonly params: readonly ParamBinding[];
  readonly httpCode: number | undefined;
  /** The class's then the method's `@Use` middleware, outermost first (global ones excluded). */
  readonly middleware: readonly Middleware[];
  /** What `@Authorized` requires of the caller; `undefined` for a public route. */
  readonly access: AccessRequirement | undefined;
  /** The class's then the method's `@UseGuards` guards, in the order they run. */
  readonly guards: readonly Guard[];
  /** Whether a parameter binds the principal or its claims. */
  readonly readsPrincipal: boolean;
  /** The class's and method's `@SerializeOptions`, merged; the handler's default is not in it. */
  readonly serialize: SerializeSettings | undefined;
}

/** The routes of one or more controllers, built once per container. */
export interface RouteTable {
  readonly routes: readonly RouteDefinition[];
  match(method: string, path: string): MatchResult<RouteDefinition>;
}

/**
 * A controller class: what `createHandler` takes, alone or in an array. It is constructed once,
 * when the handler is created: without arguments, or by the `resolve` option when its
 * constructor takes collaborators. Its decorated methods are the routes.
 *
 * @example
 * ```ts
 * class UsersController {
 *   @Get('/users/{id}') get(@Param('id') id: string) { return { id }; }
 * }
 * const controllers: Controller[] = [UsersController];
 * export const handler = createHandler(controllers);
 * ```
 */
// biome-ignore lint/suspicious/noExplicitAny: containers' resolve (tsyringe, InversifyJS) takes constructors of arguments typed `any`; with `never[]` or `unknown[]` a Controller could not be passed to it.
export type Controller = new (...args: any[]) => object; // any: the containers' own signature

/** A class's own records plus those inherited, a subclass's methods hiding its parents'. */
function collectRecords(controller: Controller): {
  routes: RouteRecord[];
  params: ParamRecord[];
  httpCodes: Map<string | symbol, number>;
  uses: UseRecord[];
  guards: GuardRecord[];
  access: AccessRecord[];
} {
  const routes: RouteRecord[] = [];
  const params: ParamRecord[] = [];
  const httpCodes = new Map<string | symbol, number>();
  const uses: UseRecord[] = [];
  const classUses: UseRecord[][] = [];
  const guards: GuardRecord[] = [];
  const classGuards: GuardRecord[][] = [];
  // Method-level records first, then each class's own, nearest first: the first match wins.
  const access: AccessRecord[] = [];
  const classAccess: AccessRecord[] = [];
  const claimed = new Set<string | symbol>();
  const store = getMetadataStore();
  for (const current of classChainOf(controller)) {
    const record = store.get(current);
    if (record === undefined) continue;
    const declaredHere = new Set(record.routes.map((route) => route.propertyKey));
    for (const key of declaredHere) {
      if (claimed.has(key)) continue;
      for (const route of record.routes) if (route.propertyKey === key) routes.push(route);
      for (const param of record.params) if (param.propertyKey === key) params.push(param);
      const code = record.httpCodes.get(key);
      if (code !== undefined) httpCodes.set(key, code);
      for (const use of record.uses) if (use.propertyKey === key) uses.push(use);
      for (const guard of record.guards) if (guard.propertyKey === key) guards.push(guard);
      for (const rule of record.access) if (rule.propertyKey === key) access.push(rule);
    }
    for (const key of declaredHere) claimed.add(key);
    // A base class's class-level middleware wraps its subclass's: the farthest ancestor first.
    classUses.unshift(record.uses.filter((use) => use.propertyKey === undefined));
    classGuards.unshift(record.guards.filter((guard) => guard.propertyKey === undefined));
    for (const rule of record.access) if (rule.propertyKey === undefined) classAccess.push(rule);
  }
  return {
    routes,
    params,
    httpCodes,
    uses: classUses.flat().concat(uses),
    guards: classGuards.flat().concat(guards),
    access: access.concat(classAccess),
  };
}

function toControllerList(routes: unknown): Controller[] {
  const list = Array.isArray(routes) ? routes : [routes];
  if (list.length === 0)
    throw controllerError(RoutesModuleError, (at) => `No controller classes were given${at}.`);
  return list.map((candidate, index) => {
    if (typeof candidate !== 'function') {
      throw controllerError(
        RoutesModuleError,
        (at) =>
          `The routes${at} must be a controller class or an array of them; ` +
          `item ${index} is ${candidate === null ? 'null' : typeof candidate}.`,
      );
    }
    return candidate as Controller;
  });
}

/**
 * Builds the route table from decorated controller classes: reads the decorator records and the
 * emitted parameter types once, checks them, and indexes the routes for matching. Its errors
 * name the class and method; `withOrigin` adds the file and export they came from.
 *
 * @param resolve - Makes each controller's instance; `new Controller()` when absent.
 * @throws RoutesModuleError when `routes` is not a class or array of classes, a class has no
 * routes, or its instance cannot be made.
 * @throws RouteDefinitionError for bad templates, colliding routes, unusable parameter bindings.
 */
export function buildRouteTable(routes: unknown, resolve?: ControllerResolver): RouteTable {
  const matcher = new RouteMatcher<RouteDefinition>();
  const definitions: RouteDefinition[] = [];
  for (const controller of toControllerList(routes)) {
    const records = collectRecords(controller);
    if (records.routes.length === 0) {
      throw controllerError(
        RoutesModuleError,
        (at) =>
          `Controller ${controller.name}${at} has no routes: decorate its methods ` +
          'with @Get, @Post, ... (and build with legacy decorators).',
      );
    }
    const instance = instantiateController(controller, resolve);
    for (const route of records.routes) {
      const where = `${controller.name}.${String(route.propertyKey)}`;
      const definition = defineRoute(controller, instance, route, records, where);
      const previous = matcher.add(route.method, definition.segments, definition);
      if (previous !== undefined) {
        throw controllerError(
          RouteDefinitionError,
          (at) =>
            `Routes collide: ${definition.routeKey} on ${where}${at} and ${previous.routeKey} on ` +
            `${previous.controllerName}.${String(previous.propertyKey)} match the same requests.`,
        );
      }
      definitions.push(definition);
    }
  }
  return { routes: definitions, match: (method, path) => matcher.match(method, path) };
}

/** Class-level middleware, then the method's, each in the order written. */
function middlewareOf(uses: readonly UseRecord[], propertyKey: string | symbol): Middleware[] {
  const ofClass = uses.filter((use) => use.propertyKey === undefined);
  const ofMethod = uses.filter((use) => use.propertyKey === propertyKey);
  // Only `Use` writes these records, and it accepts `Middleware` alone.
  return [...ofClass, ...ofMethod].flatMap((use) => use.middleware as readonly Middleware[]);
}

function defineRoute(
  controller: Controller,
  instance: object,
  route: RouteRecord,
  records: {
    params: ParamRecord[];
    httpCodes: Map<string | symbol, number>;
    uses: UseRecord[];
    guards: GuardRecord[];
    access: AccessRecord[];
  },
  where: string,
): RouteDefinition {
  let segments: PathSegment[];
  try {
    segments = parsePathTemplate(route.path);
  } catch (error) {
    if (!(error instanceof PathTemplateError)) throw error;
    const { message } = error;
    throw controllerError(
      RouteDefinitionError,
      (at) => `Invalid route template ${JSON.stringify(route.path)} on ${where}${at}: ${message}.`,
    );
  }
  const method: unknown = Reflect.get(instance, route.propertyKey);
  if (typeof method !== 'function') {
    throw controllerError(
      RouteDefinitionError,
      (at) => `@${route.method} route on ${where}${at} is not on a method.`,
    );
  }
  const path = formatTemplate(segments);
  const pathNames = new Set(
    segments.flatMap((segment) => (segment.kind === 'static' ? [] : [segment.name])),
  );
  const own = records.params.filter((param) => param.propertyKey === route.propertyKey);
  const types = getParamTypes(controller.prototype, route.propertyKey);
  const params: ParamBinding[] = [];
  for (const record of own) {
    if (params[record.index] !== undefined) {
      throw controllerError(
        RouteDefinitionError,
        (at) => `Parameter ${record.index} of ${where}${at} has two binding decorators.`,
      );
    }
    params[record.index] = toParamBinding(record, types?.[record.index], pathNames, where);
  }
  if (params.filter((binding) => binding?.kind.startsWith('body')).length > 1) {
    throw controllerError(
      RouteDefinitionError,
      (at) => `${where}${at} has more than one @Body parameter.`,
    );
  }
  return {
    method: route.method,
    path,
    segments,
    routeKey: `${route.method} ${path}`,
    controller,
    controllerName: controller.name,
    propertyKey: route.propertyKey,
    invoke: (args) => Reflect.apply(method, instance, args),
    params: Array.from(params, (binding) => binding ?? { kind: 'none' }),
    httpCode: records.httpCodes.get(route.propertyKey),
    middleware: middlewareOf(records.uses, route.propertyKey),
    access: accessOf(records.access, route.propertyKey),
    guards: guardsOf(records.guards, route.propertyKey),
    readsPrincipal: params.some(
      (binding) => binding?.kind === 'principal' || binding?.kind === 'claims',
    ),
    serialize: serializeSettingsOf(controller, route.propertyKey),
  };
}
