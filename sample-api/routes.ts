import { instanceToPlain } from 'class-transformer';
import type { Guard } from 'lambda-controllers';
import {
  ApiOperation,
  ApiParam,
  ApiProblem,
  ApiResponse,
  ApiTags,
  Authorized,
  BadRequestError,
  Body,
  ConflictError,
  Delete,
  Get,
  Headers,
  HttpCode,
  HttpResponse,
  NotFoundError,
  Param,
  Patch,
  Post,
  PreconditionFailedError,
  PreconditionRequiredError,
  Query,
  ServiceUnavailableError,
  UseGuards,
} from 'lambda-controllers';
import { etagOf, versionsMatching } from './http/etag.ts';
import { CreateUserDto } from './users/create-user-dto.ts';
import { InvalidCursorError } from './users/cursor.ts';
import { UpdateUserDto } from './users/update-user-dto.ts';
import { User } from './users/user.ts';
import { UserPageDto } from './users/user-page-dto.ts';
import {
  EmailTakenError,
  lazyUserRepository,
  StaleUserError,
  ThrottledError,
  UserNotFoundError,
  type Users,
} from './users/user-repository.ts';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
// The SDK has already retried with backoff before a ThrottledError reaches us; one second lets
// DynamoDB's partition capacity refill without making the client wait long.
const RETRY_AFTER_SECONDS = '1';
const NDJSON = 'application/x-ndjson';
const BUSY = 'The database is busy; retry after `Retry-After` seconds.';
const RETRY_AFTER = { headers: { 'Retry-After': 'Seconds to wait before retrying.' } };
const ETAG = { headers: { ETag: "The user's version, for `If-Match` on a change." } };
/**
 * The scope that changes users. Amazon Cognito writes a resource server's scopes as
 * `<identifier>/<name>`: here the resource server `users` and its scope `write`.
 */
export const USERS_WRITE = 'users/write';
const NO_USER = 'There is no user with this id.';

/** The export's rule: a token with `users/write`, or an IAM-signed call to the function URL. */
const mayExport: Guard = ({ principal }) =>
  principal?.source === 'iam' || principal?.scopes.includes(USERS_WRITE) === true;

/**
 * The users API. It speaks HTTP only: statuses, headers and DTOs; the repository it is given owns
 * DynamoDB, and its domain errors are turned into problems here. `main.handler` constructs it
 * without arguments, so it uses this container's DynamoDB repository; tests pass a fake.
 */
@ApiTags('users')
class UsersController {
  constructor(private readonly users: Users = lazyUserRepository) {}

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
    const user = await this.users
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
   * invocation streams (a function URL with `RESPONSE_STREAM`). It hands out every address, so
   * it needs `users/write` through the HTTP API, or a caller that IAM let through the function
   * URL (`AWS_IAM`), whose principal has no scopes.
   */
  @Get('/users/export')
  @Authorized()
  @UseGuards(mayExport)
  @ApiOperation({ summary: 'Export every user as NDJSON' })
  @ApiResponse(200, User, {
    description: 'One user per line (NDJSON), each as `GET /users/{id}` returns it.',
    contentType: NDJSON,
  })
  @ApiProblem(503, BUSY, RETRY_AFTER)
  export(): HttpResponse {
    const pages = this.users.pages();
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

  /** One user by id, with its `ETag`; 404 when there is none, including ids that are not UUIDs. */
  @Get('/users/{id}')
  @ApiOperation({ summary: 'Get a user by id' })
  @ApiResponse(200, User, ETAG)
  @ApiProblem(404, NO_USER)
  @ApiProblem(503, BUSY, RETRY_AFTER)
  async get(@Param('id') id: string): Promise<HttpResponse> {
    const user = await this.users.get(id).catch(raiseHttpError);
    // The id is not echoed: it is client input of any length.
    if (user === undefined) throw new NotFoundError(NO_USER);
    return new HttpResponse({ headers: { etag: etagOf(user.version) }, body: User.of(user) });
  }

  /**
   * Changes a user's name and/or email. `If-Match` is required (428 without it), so a client
   * cannot overwrite a change it never saw; a stale tag gets 412 with the current `ETag`.
   */
  @Patch('/users/{id}')
  @Authorized({ scopes: [USERS_WRITE] })
  @ApiOperation({ summary: 'Change a user' })
  @ApiResponse(200, User, ETAG)
  @ApiProblem(400, 'The body is not a JSON object with name and/or email, or fails validation.')
  @ApiProblem(404, NO_USER)
  @ApiProblem(409, 'Another user already has this email, in any letter case.')
  @ApiProblem(412, 'The user changed since the ETag in If-Match; read it again.', ETAG)
  @ApiProblem(428, 'If-Match is missing: send the ETag of the user as read.')
  @ApiProblem(503, BUSY, RETRY_AFTER)
  async update(
    @Param('id') id: string,
    @Body() body: UpdateUserDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<HttpResponse> {
    if (ifMatch === undefined) {
      throw new PreconditionRequiredError(
        'Send If-Match with the ETag of the user as you read it.',
      );
    }
    if (body.name === undefined && body.email === undefined) {
      throw new BadRequestError('Give name, email or both.', {
        extensions: { errors: { '': ['at least one of name, email is required'] } },
      });
    }
    const changes = { name: body.name, email: body.email };
    const user = await this.users
      .update(id, changes, versionsMatching(ifMatch))
      .catch(raiseHttpError);
    return new HttpResponse({ headers: { etag: etagOf(user.version) }, body: User.of(user) });
  }

  /** Removes a user and frees its email at once; `If-Match` is honoured when sent. */
  @Delete('/users/{id}')
  @Authorized({ scopes: [USERS_WRITE] })
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a user' })
  @ApiResponse(204, undefined, { description: 'The user is gone.' })
  @ApiProblem(404, NO_USER)
  @ApiProblem(412, 'The user changed since the ETag in If-Match.', ETAG)
  @ApiProblem(503, BUSY, RETRY_AFTER)
  async remove(@Param('id') id: string, @Headers('if-match') ifMatch?: string): Promise<void> {
    const versions = ifMatch === undefined ? undefined : versionsMatching(ifMatch);
    await this.users.delete(id, versions).catch(raiseHttpError);
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
    const page = await this.users.list({ limit: size, cursor }).catch(raiseHttpError);
    // Instances inside a plain page: serialization still drops each one's version.
    return { items: page.items.map(User.of), nextCursor: page.nextCursor };
  }
}

/** Maps the repository's domain errors to problems; anything else stays a 500. */
function raiseHttpError(error: unknown): never {
  if (error instanceof UserNotFoundError) throw new NotFoundError(NO_USER, { cause: error });
  if (error instanceof StaleUserError) {
    throw new PreconditionFailedError(
      'The user changed since the ETag in If-Match; read it again.',
      {
        cause: error,
        headers: { etag: etagOf(error.current.version) },
      },
    );
  }
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
