import { fileURLToPath } from 'node:url';

/** Where DynamoDB Local keeps the sample's data between runs (git-ignored). */
export const DATA_FOLDER = fileURLToPath(new URL('../../.local/dynamodb/', import.meta.url));
