// The floor: one async function switching on method and path, validating by hand. Nothing a
// framework does can cost less than this.
import { type HttpEvent, type HttpResult, json, toPlainRequest } from './shared/http-event.ts';
import {
  checkNewUser,
  createUser,
  findUser,
  listUsers,
  parseJson,
  parseLimit,
} from './shared/users.ts';

const PREFIX = '/users/';

export const handler = async (event: HttpEvent): Promise<HttpResult> => {
  const { method, path, query, body } = toPlainRequest(event);
  if (path === '/users') {
    if (method === 'GET') {
      const limit = parseLimit(query['limit']);
      if (limit === undefined) return json(400, { errors: { limit: ['must be 1 to 100'] } });
      return json(200, listUsers(limit));
    }
    if (method === 'POST') {
      const checked = checkNewUser(parseJson(body));
      return checked.ok ? json(201, createUser(checked.value)) : json(400, checked);
    }
    return json(405, { message: 'Method Not Allowed' });
  }
  if (path.startsWith(PREFIX) && path.indexOf('/', PREFIX.length) === -1 && method === 'GET') {
    return json(200, findUser(decodeURIComponent(path.slice(PREFIX.length))));
  }
  return json(404, { message: 'Not Found' });
};
