import {
  BadRequestError,
  ConflictError,
  HttpError,
  NotFoundError,
  PreconditionFailedError,
  PreconditionRequiredError,
  ServiceUnavailableError,
} from './http-error';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem';

describe('HttpError', () => {
  it('defaults the title to the reason phrase and sets name to the class name', () => {
    const error = new NotFoundError('No user 7.');
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({
      name: 'NotFoundError',
      status: 404,
      title: 'Not Found',
      detail: 'No user 7.',
      message: 'No user 7.',
    });
  });

  it('keeps its cause', () => {
    const cause = new Error('conditional check failed');
    expect(new ConflictError('Email taken.', { cause }).cause).toBe(cause);
  });

  it('turns a status outside 400–599 into 500', () => {
    expect(new HttpError(200).status).toBe(500);
    expect(new HttpError(404.5).status).toBe(500);
  });
});

describe('toProblem', () => {
  it('C84: gives a thrown HttpError its status and an RFC 9457 body with the request id', () => {
    // Act
    const response = toProblem(new NotFoundError('No user 7.'), 'req-1');

    // Assess
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toEqual([PROBLEM_CONTENT_TYPE]);
    expect(response.body).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'No user 7.',
      requestId: 'req-1',
    });
  });

  it('adds extensions without letting them replace the standard members', () => {
    const error = new BadRequestError('Bad.', {
      extensions: { errors: { name: ['is empty'] }, status: 200, type: 'x' },
    });
    expect(toProblem(error, undefined).body).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'Bad.',
      errors: { name: ['is empty'] },
    });
  });

  it('sends the headers of the error, such as Retry-After', () => {
    const response = toProblem(
      new ServiceUnavailableError('Throttled.', { headers: { 'retry-after': '2' } }),
      'r',
    );
    expect(response.headers['retry-after']).toEqual(['2']);
    expect(response.body).toEqual({
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      requestId: 'r',
    });
  });

  it('sends a 5xx detail only when exposed', () => {
    expect(
      toProblem(new HttpError(502, undefined, 'upstream said no', { expose: true }), 'r').body,
    ).toMatchObject({ detail: 'upstream said no' });
  });

  it.each([
    ['an Error', new Error('password=hunter2 at db.internal')],
    ['a string', 'secret string'],
    ['a plain object', { secret: 'value' }],
    ['undefined', undefined],
  ])('C85/C86: answers 500 without any of the content of %s', (_label, thrown) => {
    const response = toProblem(thrown, 'req-9');
    expect(response.status).toBe(500);
    expect(response.body).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      requestId: 'req-9',
    });
  });
});

describe('the precondition errors', () => {
  it.each([
    [PreconditionFailedError, 412, 'Precondition Failed'],
    [PreconditionRequiredError, 428, 'Precondition Required'],
  ])('%p answers %i %s with its detail', (ErrorClass, status, title) => {
    // Act
    const problem = toProblem(new ErrorClass('Read it again.'), 'request-1');

    // Assess
    expect(problem.status).toBe(status);
    expect(problem.body).toMatchObject({ status, title, detail: 'Read it again.' });
  });
});
