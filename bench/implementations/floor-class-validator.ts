// The floor with class-transformer + class-validator on the same DTO and with the validator
// options lambda-controllers uses by default: the difference to the floor is class-validator's
// own cost, the difference to lambda-controllers is the framework's.
import { plainToInstance } from 'class-transformer';
import { type ValidatorOptions, validate } from 'class-validator';
import { CreateUserDto } from './shared/create-user-dto.ts';
import { type HttpEvent, type HttpResult, json, toPlainRequest } from './shared/http-event.ts';
import { createUser, findUser, listUsers, parseJson, parseLimit } from './shared/users.ts';

const PREFIX = '/users/';
const OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
};

async function create(body: string | undefined): Promise<HttpResult> {
  const parsed = parseJson(body);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return json(400, { errors: { body: ['must be a JSON object'] } });
  }
  const dto = plainToInstance(CreateUserDto, parsed);
  const errors = await validate(dto, OPTIONS);
  if (errors.length > 0) {
    return json(400, {
      errors: Object.fromEntries(
        errors.map((e) => [e.property, Object.values(e.constraints ?? {})]),
      ),
    });
  }
  return json(201, createUser(dto));
}

export const handler = async (event: HttpEvent): Promise<HttpResult> => {
  const { method, path, query, body } = toPlainRequest(event);
  if (path === '/users') {
    if (method === 'GET') {
      const limit = parseLimit(query['limit']);
      if (limit === undefined) return json(400, { errors: { limit: ['must be 1 to 100'] } });
      return json(200, listUsers(limit));
    }
    if (method === 'POST') return create(body);
    return json(405, { message: 'Method Not Allowed' });
  }
  if (path.startsWith(PREFIX) && path.indexOf('/', PREFIX.length) === -1 && method === 'GET') {
    return json(200, findUser(decodeURIComponent(path.slice(PREFIX.length))));
  }
  return json(404, { message: 'Not Found' });
};
