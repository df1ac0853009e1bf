/** TypeScript sources of the functions the layer tests deploy, compiled by `compileFunction`. */

export const USERS_DTO = `
import { Type } from 'class-transformer';
import { IsString, Length, ValidateNested } from 'class-validator';
export class AddressDto {
  @IsString() city!: string;
}
export class CreateUserDto {
  @Length(1, 20) name!: string;
  @ValidateNested() @Type(() => AddressDto) address!: AddressDto;
}
`;

export const USERS_ROUTES = `
import { Body, Get, HttpCode, Param, Post } from 'lambda-controllers';
import { CreateUserDto } from './dto';
let constructed = 0;
let reflections = 0;
const original = Reflect.getMetadata;
Reflect.getMetadata = (...args: Parameters<typeof Reflect.getMetadata>) => {
  reflections += 1;
  return original.apply(Reflect, args);
};
export class routes {
  constructor() {
    constructed += 1;
  }
  @Get('/users/{id}') get(@Param('id') id: number) {
    return { id, type: typeof id };
  }
  @Post('/users') @HttpCode(201) create(@Body() user: CreateUserDto) {
    return { name: user.name, city: user.address.city, isDto: user instanceof CreateUserDto };
  }
  @Get('/introspect') introspect() {
    return {
      constructed,
      reflections,
      resolved: {
        validator: require.resolve('class-validator'),
        transformer: require.resolve('class-transformer'),
        framework: require.resolve('lambda-controllers'),
      },
      handlerArity: require('main').handler.length,
      modules: Object.keys(require.cache),
    };
  }
}
`;

/** The same controller as an ES module importing everything from the layer. */
export const ESM_ROUTES = `
import { IsString } from 'class-validator';
import { Body, Get, Post } from 'lambda-controllers';
class NoteDto {
  @IsString() text!: string;
}
export class routes {
  @Get('/kind') kind() {
    return { module: 'esm' };
  }
  @Post('/notes') create(@Body() note: NoteDto) {
    return { text: note.text };
  }
}
`;

/** Routes that import both subpaths of the package, as a function may from the layer. */
export const SUBPATH_ROUTES = `
import { Get } from 'lambda-controllers';
import { buildOpenApiDocument } from 'lambda-controllers/openapi';
import { testClient } from 'lambda-controllers/testing';
export class routes {
  @Get('/subpaths') subpaths() {
    return { openapi: typeof buildOpenApiDocument, testing: typeof testClient };
  }
}
`;

export const PING_ROUTES = `
import { Get } from 'lambda-controllers';
export class Api {
  @Get('/ping') ping() {
    return 'pong';
  }
}
`;

export const COLLIDING_ROUTES = `
import { Get } from 'lambda-controllers';
export class routes {
  @Get('/users/{id}') one() {}
  @Get('/users/{userId}') two() {}
}
`;

export const NO_ROUTES = `
export class routes {
  list() {
    return [];
  }
}
`;

export const TYPE_ONLY_DTO_ROUTES = `
import { Body, Post } from 'lambda-controllers';
import type { CreateUserDto } from './dto';
export class routes {
  @Post('/users') create(@Body() user: CreateUserDto) {
    return user;
  }
}
`;

export const MIDDLEWARE_ROUTES = `
import { Get, Use } from 'lambda-controllers';
const tag = (name) => async (_ctx, next) => {
  const response = await next();
  const trace = response.headers['x-trace'] ?? [];
  return response.withHeaders({ 'x-trace': [name, ...trace].join(' ') });
};
export const handlerOptions = { middleware: [tag('global')] };
@Use(tag('class'))
export class routes {
  @Get('/ping') @Use(tag('method')) ping() {
    return 'pong';
  }
}
`;

/**
 * A function verifying bearer tokens in the function (`auth.jwt`), with the key set given in
 * `handlerOptions`; `JWKS` is replaced by the test's key set.
 */
export const VERIFYING_ROUTES = `
import { Authorized, Get, Principal } from 'lambda-controllers';
export const handlerOptions = {
  auth: { jwt: { issuer: 'https://issuer.example.com', audience: 'orders-api', keys: JWKS } },
};
const verifierFiles = () =>
  Object.keys(require.cache).filter((file) => file.includes('/aws-jwt-verify/'));
export class routes {
  @Get('/modules') modules() {
    return verifierFiles();
  }
  @Get('/orders') @Authorized({ scopes: ['orders:read'] }) orders(@Principal() principal) {
    return { subject: principal.subject, source: principal.source, modules: verifierFiles() };
  }
}
`;

/** A controller that takes its greeting in its constructor, given by `handlerOptions.resolve`. */
export const RESOLVED_ROUTES = `
import { Get } from 'lambda-controllers';
export class routes {
  constructor(greeting) {
    this.greeting = greeting;
  }
  @Get('/ping') ping() {
    return this.greeting;
  }
}
export const handlerOptions = { resolve: (Controller) => new Controller('resolved pong') };
`;
