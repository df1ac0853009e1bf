// Powertools for AWS Lambda's HTTP event handler; the body gets the floor's hand check and a
// failure is Powertools' own BadRequestError.
import { BadRequestError, Router } from '@aws-lambda-powertools/event-handler/http';
import type { Context } from 'aws-lambda';
import type { HttpEvent } from './shared/http-event.ts';
import { checkNewUser, createUser, findUser, listUsers, parseLimit } from './shared/users.ts';

const app = new Router();

app.get('/users/:id', ({ params }) => findUser(params['id'] ?? ''));

app.get('/users', ({ req }) => {
  const limit = parseLimit(new URL(req.url).searchParams.get('limit'));
  if (limit === undefined) throw new BadRequestError('limit must be 1 to 100');
  return listUsers(limit);
});

app.post('/users', async ({ req }) => {
  const checked = checkNewUser(await req.json());
  if (!checked.ok) throw new BadRequestError('invalid user', undefined, { errors: checked.errors });
  return { statusCode: 201, body: createUser(checked.value) };
});

export const handler = (event: HttpEvent, context: Context): Promise<unknown> =>
  app.resolve(event, context);
