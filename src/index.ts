import 'reflect-metadata';
import { Principal as principalDecorator } from './decorators/params';
import type { Principal as PrincipalRecord } from './identity/principal';

export {
  ApiOperation,
  type ApiOperationOptions,
  ApiParam,
  type ApiParamOptions,
  ApiProblem,
  ApiResponse,
  type ApiResponseOptions,
  ApiTags,
} from './decorators/api-docs';
export { Authorized, type AuthorizedOptions, Public } from './decorators/authorized';
export { HttpCode } from './decorators/http-code';
export { Body, Claims, Headers, Param, Query, Req, State } from './decorators/params';
export { Delete, Get, Head, Options, Patch, Post, Put } from './decorators/route';
export { SerializeOptions } from './decorators/serialize-options';
export { Use } from './decorators/use';
export { UseGuards } from './decorators/use-guards';
export {
  DecoratorUsageError,
  HandlerOptionsError,
  RouteDefinitionError,
  RoutesModuleError,
} from './errors/config-errors';
export {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  GatewayTimeoutError,
  GoneError,
  HttpError,
  type HttpErrorOptions,
  InternalServerError,
  MethodNotAllowedError,
  NotFoundError,
  NotImplementedError,
  PayloadTooLargeError,
  PreconditionFailedError,
  PreconditionRequiredError,
  ServiceUnavailableError,
  TooManyRequestsError,
  UnauthorizedError,
  UnprocessableEntityError,
  UnsupportedMediaTypeError,
} from './errors/http-error';
export { PROBLEM_CONTENT_TYPE } from './errors/problem';
export { NotAnHttpEventError } from './events/not-an-http-event-error';
export type { EventSourceName } from './events/types';
export { createHandler, type LambdaHandler } from './handler/create-handler';
export type { HandlerOptions } from './handler/options';
export { streamifyHandler, streamingHandlerOf } from './handler/streaming-handler';
export type { CorsOptions } from './http/cors';
export type { LambdaHttpRequest } from './http/request';
export { type HeaderValue, HttpResponse, type HttpResponseInit } from './http/response';
export type {
  AlbAuthOptions,
  AuthOptions,
  JsonWebKeySet,
  JwtAuthOptions,
} from './identity/auth-options';
export type { Logger, LogRecord } from './logging/logger';
export type { JsonSchema, JsonSchemaType } from './metadata/json-schema';
export type { DocBody, SerializeSettings } from './metadata/records';
export type { Guard } from './middleware/guard';
export type { MatchedRoute, Middleware, RequestContext } from './middleware/middleware';
export { createStateKey, type RequestState, type StateKey } from './middleware/state';
export type { ControllerResolver } from './routing/instantiate-controller';
export type { Controller } from './routing/route-table';
export { CircularBodyError } from './serialization/circular-body-error';
export {
  type AwsLambdaRuntime,
  type HttpPrelude,
  type LambdaResponseStream,
  STREAM_VARIABLE,
  type StreamingHandler,
  streamingRequested,
} from './streaming/lambda-runtime';
export { type ServerSentEvent, sse } from './streaming/sse';

/**
 * Binds the caller's principal, `undefined` when there is none; the `Principal` type says
 * what each authorizer gives.
 *
 * @example
 * ```ts
 * @Get('/me') me(@Principal() principal?: Principal) { return { subject: principal?.subject }; }
 * ```
 */
export const Principal: () => ParameterDecorator = principalDecorator;
/**
 * The caller of a request, as the authorizer in front of the function verified it: `source`,
 * `subject`, `claims`, `scopes`, `groups` and the authorizer's `context`.
 *
 * @example
 * ```ts
 * const isAdmin = (principal: Principal | undefined) => principal?.groups.includes('admin') ?? false;
 * ```
 */
export type Principal = PrincipalRecord;
