import { instanceToPlain } from 'class-transformer';
import {
  ApiOperation,
  ApiParam,
  ApiProblem,
  ApiResponse,
  ApiTags,
  BadRequestError,
  Body,
  ConflictError,
  Get,
  HttpResponse,
  NotFoundError,
  Param,
  Post,
  Query,
  ServiceUnavailableError,
} from 'lambda-controllers';
import { CreateUserDto } from './users/create-user-dto.ts';
import { InvalidCursorError } from './users/cursor.ts';
import { User } from './users/user.ts';
import { UserPageDto } from './users/user-page-dto.ts';
import { defaultUserRepository, EmailTakenError, ThrottledError } from './users/user-repository.ts';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
// The SDK has already retried with backoff before a ThrottledError reaches us; one second lets
// DynamoDB's partition capacity refill without making the client wait long.
const RETRY_AFTER_SECONDS = '1';
const NDJSON = 'application/x-ndjson';
const BUSY = 'The database is busy; retry after `Retry-After` seconds.';
const RETRY_AFTER = { headers: { 'Retry-After': 'Seconds to wait before retrying.' } };

/**
 * The users API. It speaks HTTP only: statuses, headers and DTOs; `UserRepository` owns
 * DynamoDB, and its domain errors are turned into problems here.
 */
@ApiTags('users')
class UsersController {
  /** Creates a user: 201 with `Location`; 409 when the email is taken in any letter case. */
  @Post('/users')
  @ApiOperation({ summary: 'Create a user' })
  @ApiResponse(201, User, {
    description: 'The user, as stored.',
    headers: { Location: 'The new user: `/users/{id}`.' },
  })
  @ApiProblem(409, 'A user with this email already exists, in any letter case.')
  @ApiProblem(503, BUSY, RETRY_AFTER)
  async create(@Body() body: CreateUserDto): Promise<HttpResponse> {
    const user = await defaultUserRepository()
      .create({ name: body.name, email: body.email })
      .catch(raiseHttpError);
    return new HttpResponse({
      status: 201,
      headers: { location: `/users/${user.id}` },
      body: User.of(user),
    });
  }

  /**
   * Every user as NDJSON, one line per user, oldest first, streamed page by page where the
   * invocation streams (a function URL with `RESPONSE_STREAM`). Public for now: it is meant for
   * callers holding `users:write` once the API authorizes requests.
   */
  @Get('/users/export')
  @ApiOperation({ summary: 'Export every user as NDJSON' })
  @ApiResponse(200, User, {
    description: 'One user per line (NDJSON), each as `GET /users/{id}` returns it.',
    contentType: NDJSON,
  })
  @ApiProblem(503, BUSY, RETRY_AFTER)
  export(): HttpResponse {
    const pages = defaultUserRepository().pages();
    return new HttpResponse({
      headers: { 'content-type': NDJSON },
      body: (async function* () {
        for await (const page of pages) {
          // A stream body is sent as written: each user goes through the same serialization.
          yield page.map((user) => `${JSON.stringify(instanceToPlain(User.of(user)))}\n`).join('');
        }
      })(),
    });
  }

  /** One user by id; 404 when there is none, including ids that are not UUIDs. */
  @Get('/users/{id}')
  @ApiOperation({ summary: 'Get a user by id' })
  @ApiResponse(200, User)
  @ApiProblem(404, 'There is no user with this id.')
  @ApiProblem(503, BUSY, RETRY_AFTER)
  async get(@Param('id') id: string): Promise<User> {
    const user = await defaultUserRepository().get(id).catch(raiseHttpError);
    // The id is not echoed: it is client input of any length.
    if (user === undefined) throw new NotFoundError('There is no user with this id.');
    return User.of(user);
  }

  /** A page of users, oldest first: `?limit=1..100` (default 20) and `?cursor=<nextCursor>`. */
  @Get('/users')
  @ApiOperation({ summary: 'List users, oldest first' })
  @ApiParam('limit', {
    description: `Page size, ${DEFAULT_LIMIT} when absent.`,
    schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
  })
  @ApiParam('cursor', { description: 'The `nextCursor` of the previous page.' })
  @ApiResponse(200, UserPageDto)
  @ApiProblem(
    400,
    `limit is not an integer from 1 to ${MAX_LIMIT}, or cursor is not a nextCursor this API ` +
      'issued, or either is given twice.',
  )
  @ApiProblem(503, BUSY, RETRY_AFTER)
  async list(
    @Query('limit') limit?: number,
    @Query('cursor') cursor?: string,
  ): Promise<{ items: User[]; nextCursor: string | null }> {
    const size = limit ?? DEFAULT_LIMIT;
    if (!Number.isInteger(size) || size < 1 || size > MAX_LIMIT) {
      throw new BadRequestError(
        `limit must be an integer from 1 to ${MAX_LIMIT}; got ${JSON.stringify(limit)}.`,
        { extensions: { errors: { limit: [`must be an integer from 1 to ${MAX_LIMIT}`] } } },
      );
    }
    const page = await defaultUserRepository().list({ limit: size, cursor }).catch(raiseHttpError);
    // Instances inside a plain page: serialization still drops each one's version.
    return { items: page.items.map(User.of), nextCursor: page.nextCursor };
  }
}

/** Maps the repository's domain errors to problems; anything else stays a 500. */
function raiseHttpError(error: unknown): never {
  if (error instanceof EmailTakenError) {
    throw new ConflictError('A user with this email already exists.', { cause: error });
  }
  if (error instanceof ThrottledError) {
    throw new ServiceUnavailableError('The database is busy; retry after the indicated delay.', {
      cause: error,
      headers: { 'retry-after': RETRY_AFTER_SECONDS },
    });
  }
  if (error instanceof InvalidCursorError) {
    throw new BadRequestError(
      'cursor is not a nextCursor this API issued; start again without a cursor.',
      { cause: error, extensions: { errors: { cursor: ['is not valid'] } } },
    );
  }
  throw error;
}

export { UsersController as routes };
