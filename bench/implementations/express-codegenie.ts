// Express 5 wrapped by @codegenie/serverless-express (the maintained fork of aws-serverless-express).
import serverlessExpress from '@codegenie/serverless-express';
import { createExpressApp } from './shared/express-app.ts';

export const handler = serverlessExpress({ app: createExpressApp() });
