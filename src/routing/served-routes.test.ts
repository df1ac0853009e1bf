import { recordServedRoutes, servedRoutesOf } from './served-routes';

describe('servedRoutesOf', () => {
  it('returns what was recorded for a handler', () => {
    const handler = async () => undefined;
    const served = { routes: [], validator: {}, maxBodyBytes: 10 };

    recordServedRoutes(handler, served);

    expect(servedRoutesOf(handler)).toBe(served);
  });

  it.each([
    ['an unrecorded function', async () => undefined],
    ['an object', {}],
    ['undefined', undefined],
  ])('returns undefined for %s', (_label, value) => {
    expect(servedRoutesOf(value)).toBeUndefined();
  });
});
