import { STOP_KEY } from './global-setup.ts';

/** Stops the DynamoDB Local that `global-setup.ts` started, waiting until Java has exited. */
export default async function globalTeardown(): Promise<void> {
  const stop: unknown = Reflect.get(globalThis, STOP_KEY);
  if (typeof stop === 'function') await stop();
}
