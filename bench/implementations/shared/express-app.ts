import express from 'express';
import { checkNewUser, createUser, findUser, listUsers, parseLimit } from './users.ts';

/** The same API as an Express 5 app, for the two usual Lambda adapters. */
export function createExpressApp(): express.Express {
  const app = express();
  app.use(express.json());
  app.get('/users/:id', (req, res) => {
    res.json(findUser(req.params.id));
  });
  app.get('/users', (req, res) => {
    const raw = req.query['limit'];
    const limit = parseLimit(typeof raw === 'string' ? raw : undefined);
    if (limit === undefined) res.status(400).json({ errors: { limit: ['must be 1 to 100'] } });
    else res.json(listUsers(limit));
  });
  app.post('/users', (req, res) => {
    const checked = checkNewUser(req.body);
    if (checked.ok) res.status(201).json(createUser(checked.value));
    else res.status(400).json(checked);
  });
  return app;
}
