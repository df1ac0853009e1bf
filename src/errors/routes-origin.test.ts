import { RouteDefinitionError, RoutesModuleError } from './config-errors';
import { controllerError, withOrigin } from './routes-origin';

const origin = { file: '/var/task/routes.js', exportName: 'routes' };

describe('withOrigin', () => {
  it('names the file and export where the message puts them, keeping class and cause', () => {
    // Prepare
    const cause = new Error('no config');
    const error = controllerError(
      RoutesModuleError,
      (at) => `Constructing controller Users${at} failed.`,
      { cause },
    );

    // Act
    const located = withOrigin(error, origin);

    // Assess
    expect(error.message).toBe('Constructing controller Users failed.');
    expect(located).toBeInstanceOf(RoutesModuleError);
    expect(located).toMatchObject({
      name: 'RoutesModuleError',
      message: 'Constructing controller Users (export "routes" of /var/task/routes.js) failed.',
      cause,
    });
  });

  it.each([
    ['an error that names no controller', new RouteDefinitionError('Something else.')],
    ['a thrown string', 'a string'],
    ['undefined', undefined],
  ])('returns %s as it is', (_label, thrown) => {
    expect(withOrigin(thrown, origin)).toBe(thrown);
  });
});
