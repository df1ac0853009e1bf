// The `lambda-controllers/testing` entry: for tests only, so no function's cold start loads it.
export type { TestClaimValue, TestPrincipal } from './authorizer-context';
export {
  type TestClient,
  type TestClientOptions,
  type TestRequestOptions,
  testClient,
} from './test-client';
export type { TestQueryValue, TestRequestInit, TestSource } from './test-request';
export type { TestResponse } from './test-response';
