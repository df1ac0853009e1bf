import { assertSingleCopies } from './single-copies';

describe('assertSingleCopies', () => {
  it('C83: names both folders when the function brings its own class-transformer', () => {
    const loaded = [
      '/opt/nodejs/node_modules/class-transformer/cjs/index.js',
      '/var/task/node_modules/class-transformer/cjs/index.js',
      '/var/task/routes.js',
    ];
    expect(() => assertSingleCopies(loaded, '/var/task/routes.js')).toThrow(
      '/var/task/routes.js loaded a second copy of class-transformer: /opt/nodejs/node_modules/class-transformer and /var/task/node_modules/class-transformer.',
    );
  });

  it('accepts one copy of each, and two copies of reflect-metadata (its registry is global)', () => {
    const loaded = [
      '/opt/nodejs/node_modules/class-validator/cjs/index.js',
      '/opt/nodejs/node_modules/class-validator/cjs/decorator/common/IsOptional.js',
      '/opt/nodejs/node_modules/reflect-metadata/Reflect.js',
      '/var/task/node_modules/reflect-metadata/Reflect.js',
    ];
    expect(() => assertSingleCopies(loaded, '/var/task/routes.js')).not.toThrow();
  });

  it('does not count the local runner of an installed lambda-controllers as a copy', () => {
    const loaded = [
      '/project/node_modules/lambda-controllers/dist/local/worker.js',
      '/project/layer-dist/nodejs/node_modules/lambda-controllers/dist/main.js',
      '/tmp/task/routes.js',
    ];
    expect(() => assertSingleCopies(loaded, '/tmp/task/routes.js')).not.toThrow();
    expect(() =>
      assertSingleCopies(
        [...loaded, '/project/node_modules/lambda-controllers/dist/index.js'],
        '/tmp/task/routes.js',
      ),
    ).toThrow('loaded a second copy of lambda-controllers');
  });
});
