// Middy with @middy/http-router. Middy's own validation (@middy/validator, JSON Schema through
// ajv) and body parser are not installed, so each route parses and checks its body by hand like
// the floor.
import middy from '@middy/core';
import httpRouterHandler, { type Route } from '@middy/http-router';
import { type HttpEvent, type HttpResult, json, toPlainRequest } from './shared/http-event.ts';
import {
  checkNewUser,
  createUser,
  findUser,
  listUsers,
  parseJson,
  parseLimit,
} from './shared/users.ts';

const routes: Array<Route<HttpEvent, HttpResult>> = [
  {
    method: 'GET',
    path: '/users/{id}',
    handler: async (event: HttpEvent) => json(200, findUser(event.pathParameters?.['id'] ?? '')),
  },
  {
    method: 'GET',
    path: '/users',
    handler: async (event: HttpEvent) => {
      const limit = parseLimit(event.queryStringParameters?.['limit']);
      if (limit === undefined) return json(400, { errors: { limit: ['must be 1 to 100'] } });
      return json(200, listUsers(limit));
    },
  },
  {
    method: 'POST',
    path: '/users',
    handler: async (event: HttpEvent) => {
      const checked = checkNewUser(parseJson(toPlainRequest(event).body));
      return checked.ok ? json(201, createUser(checked.value)) : json(400, checked);
    },
  },
];

export const handler = middy<HttpEvent, HttpResult>().handler(httpRouterHandler(routes));
