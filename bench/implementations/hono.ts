// Hono through its AWS Lambda adapter; the body is checked with Hono's own `validator` middleware
// running the same hand check as the floor.
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { validator } from 'hono/validator';
import {
  checkNewUser,
  createUser,
  findUser,
  listUsers,
  type NewUser,
  parseLimit,
} from './shared/users.ts';

const app = new Hono();

app.get('/users/:id', (c) => c.json(findUser(c.req.param('id'))));

app.get('/users', (c) => {
  const limit = parseLimit(c.req.query('limit'));
  if (limit === undefined) return c.json({ errors: { limit: ['must be 1 to 100'] } }, 400);
  return c.json(listUsers(limit));
});

app.post(
  '/users',
  validator('json', (value, c): NewUser | Response => {
    const checked = checkNewUser(value);
    return checked.ok ? checked.value : c.json(checked, 400);
  }),
  (c) => c.json(createUser(c.req.valid('json')), 201),
);

export const handler = handle(app);
