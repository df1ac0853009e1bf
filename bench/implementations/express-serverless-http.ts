// Express 5 wrapped by serverless-http.
import serverless from 'serverless-http';
import { createExpressApp } from './shared/express-app.ts';

export const handler = serverless(createExpressApp());
