// The function code for lambda-controllers: a routes module that `main.handler` in the layer
// loads. Built like the sample API's routes.js (SWC, legacy decorators, design:paramtypes), with
// the layer's packages left external.
import {
  BadRequestError,
  Body,
  Get,
  type HandlerOptions,
  HttpCode,
  type Middleware,
  Param,
  Post,
  Query,
} from 'lambda-controllers';
import { CreateUserDto } from './shared/create-user-dto.ts';
import {
  createUser,
  DEFAULT_LIMIT,
  findUser,
  listUsers,
  MAX_LIMIT,
  type UserList,
  type UserView,
} from './shared/users.ts';

class UsersController {
  @Get('/users/{id}')
  get(@Param('id') id: string): UserView {
    return findUser(id);
  }

  @Get('/users')
  list(@Query('limit') limit?: number): UserList {
    const size = limit ?? DEFAULT_LIMIT;
    if (!Number.isInteger(size) || size < 1 || size > MAX_LIMIT) {
      throw new BadRequestError(`limit must be an integer from 1 to ${MAX_LIMIT}.`);
    }
    return listUsers(size);
  }

  @Post('/users')
  @HttpCode(201)
  create(@Body() body: CreateUserDto): UserView {
    return createUser(body);
  }
}

/** A middleware that only passes the request on: what the chain itself costs. */
const passThrough: Middleware = (_ctx, next) => next();

// The benchmark's "one pass-through middleware" row loads this same module with the variable set.
export const handlerOptions: HandlerOptions | undefined =
  process.env['BENCH_PASS_THROUGH'] === '1' ? { middleware: [passThrough] } : undefined;

export { UsersController as routes };
