import { assertDecoratorMetadata, functionName } from './build-command';

describe('functionName', () => {
  it.each([
    ['sample-api/routes.ts', 'sample-api'],
    ['functions/orders/routes.mts', 'orders'],
    ['src/payments.ts', 'payments'],
  ])('names the function of %s %s', (entry, name) => {
    expect(functionName(entry)).toBe(name);
  });
});

describe('assertDecoratorMetadata', () => {
  it('accepts decorators compiled with their parameter types', () => {
    const code = '_ts_decorate([Get("/x"), _ts_metadata("design:paramtypes", [String])], A);';

    expect(() => assertDecoratorMetadata(code, 'routes.ts')).not.toThrow();
  });

  it('accepts a module without decorators', () => {
    expect(() => assertDecoratorMetadata('exports.routes = [];', 'routes.ts')).not.toThrow();
  });

  it.each(['__decorateClass([Get("/x")], A)', '__decorate([Get("/x")], A)'])(
    'refuses decorators compiled without metadata: %s',
    (code) => {
      expect(() => assertDecoratorMetadata(code, 'routes.ts')).toThrow(
        /^routes\.ts was built without decorator metadata .*"emitDecoratorMetadata"/,
      );
    },
  );
});
