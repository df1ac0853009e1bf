import { Authorized } from '../decorators/authorized';
import { Get, Post } from '../decorators/route';
import { createHandler } from '../handler/create-handler';
import { describeRoutes } from './describe-routes';

class Files {
  @Get('/files/{path+}') read() {
    return 'x';
  }
  @Post('/files')
  @Authorized({ scopes: ['files:write'], groups: ['staff'], match: 'any' })
  write() {
    return 'y';
  }
}

describe('describeRoutes', () => {
  it('lists the routes a handler serves with their parsed segments and authorization', () => {
    const handler = createHandler(Files);
    expect(describeRoutes(handler)).toEqual(
      expect.arrayContaining([
        {
          method: 'GET',
          path: '/files/{path+}',
          segments: [
            { kind: 'static', value: 'files' },
            { kind: 'greedy', name: 'path' },
          ],
          authorization: null,
        },
        {
          method: 'POST',
          path: '/files',
          segments: [{ kind: 'static', value: 'files' }],
          authorization: { scopes: ['files:write'], groups: ['staff'], match: 'any' },
        },
      ]),
    );
    expect(describeRoutes(handler)).toHaveLength(2);
  });

  it('refuses anything createHandler did not make', () => {
    expect(() => describeRoutes(async () => ({}))).toThrow(
      'describeRoutes takes a handler made by createHandler.',
    );
  });
});
