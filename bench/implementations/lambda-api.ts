// lambda-api: its router parses JSON bodies itself; the body gets the floor's hand check.
import type { Context } from 'aws-lambda';
import createAPI, { type Request, type Response } from 'lambda-api';
import type { HttpEvent } from './shared/http-event.ts';
import { checkNewUser, createUser, findUser, listUsers, parseLimit } from './shared/users.ts';

const api = createAPI();

api.get('/users/:id', (req: Request) => findUser(req.params['id'] ?? ''));

api.get('/users', (req: Request, res: Response) => {
  const limit = parseLimit(req.query['limit']);
  if (limit === undefined) return res.status(400).json({ errors: { limit: ['must be 1 to 100'] } });
  return res.json(listUsers(limit));
});

api.post('/users', (req: Request, res: Response) => {
  const checked = checkNewUser(req.body);
  if (!checked.ok) return res.status(400).json(checked);
  return res.status(201).json(createUser(checked.value));
});

export const handler = (event: HttpEvent, context: Context): Promise<unknown> =>
  api.run(event, context);
