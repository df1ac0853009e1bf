import { DecoratorUsageError } from '../errors/config-errors';

/**
 * Throws when a decorator is applied as a TC39 standard decorator. Those pass `(value, context)`
 * and have no parameter decorators or `design:paramtypes`, which this framework needs.
 */
export function assertLegacyDecorator(decorator: string, args: readonly unknown[]): void {
  const second = args[1];
  if (typeof second === 'object' && second !== null && 'kind' in second) {
    throw new DecoratorUsageError(
      `@${decorator} was applied as a standard (TC39) decorator. lambda-controllers needs ` +
        'legacy decorators: set "experimentalDecorators": true and "emitDecoratorMetadata": true ' +
        'in the tsconfig your build reads.',
    );
  }
}
