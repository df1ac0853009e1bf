import { readServicesSettings } from './services-settings.ts';

describe('readServicesSettings', () => {
  it('defaults to DynamoDB Local with its data on disk and the local users table', () => {
    expect(readServicesSettings({})).toEqual({
      dynamodb: { kind: 'local' },
      table: 'lambda-controllers-users',
    });
  });

  it('reads SAMPLE_DYNAMODB and SAMPLE_TABLE', () => {
    // Act
    const settings = readServicesSettings({
      SAMPLE_DYNAMODB: 'http://127.0.0.1:8000',
      SAMPLE_TABLE: 'users-test',
    });
    // Assess
    expect(settings).toEqual({
      dynamodb: { kind: 'endpoint', url: 'http://127.0.0.1:8000' },
      table: 'users-test',
    });
  });

  it.each(['local', 'memory', 'off'] as const)('takes SAMPLE_DYNAMODB=%s', (kind) => {
    expect(readServicesSettings({ SAMPLE_DYNAMODB: kind }).dynamodb).toEqual({ kind });
  });

  it.each([
    [
      { SAMPLE_DYNAMODB: 'mongo' },
      'SAMPLE_DYNAMODB must be local, memory, off or an http(s) URL; got "mongo"',
    ],
    [
      { SAMPLE_TABLE: 'a b' },
      'SAMPLE_TABLE must be 3 to 255 letters, digits, _, - and .; got "a b"',
    ],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => readServicesSettings(env)).toThrow(message);
  });
});
