import 'reflect-metadata';

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
export { HttpCode } from './decorators/http-code';
export { Body, Headers, Param, Query, Req, State } from './decorators/params';
export { Delete, Get, Head, Options, Patch, Post, Put } from './decorators/route';
export { Use } from './decorators/use';
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
export type { CorsOptions } from './http/cors';
export type { LambdaHttpRequest } from './http/request';
export { type HeaderValue, HttpResponse, type HttpResponseInit } from './http/response';
export type { Logger, LogRecord } from './logging/logger';
export type { JsonSchema, JsonSchemaType } from './metadata/json-schema';
export type { DocBody } from './metadata/records';
export type { MatchedRoute, Middleware, RequestContext } from './middleware/middleware';
export { createStateKey, type RequestState, type StateKey } from './middleware/state';
export type { Controller } from './routing/route-table';
