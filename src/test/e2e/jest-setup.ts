import { cleanUpAfterFile } from './support/local-server';

// End-to-end tests start DynamoDB Local (Java) and Node workers and, in one test, wait out a
// function timeout; on a busy 2-core machine that passes jest's 5 s default. jest reads
// `testTimeout` from the global config only, so the project sets it here.
jest.setTimeout(60_000);

// Runs after each test file even when a test failed or timed out part-way, so no server (and
// none of its workers or Java) outlives the file, and no compiled function folder stays behind.
afterAll(cleanUpAfterFile);
