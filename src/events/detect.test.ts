import { readFixture } from '../test/event-source.case';
import { albSource } from './alb';
import { apigwHttpSource } from './apigw-http';
import { apigwRestSource } from './apigw-rest';
import { detectEventSource } from './detect';
import { own } from './event-fields';
import { functionUrlSource } from './function-url';
import { NotAnHttpEventError } from './not-an-http-event-error';

describe('detectEventSource', () => {
  it.each([
    ['apigw-http', 'aws-sample', apigwHttpSource],
    ['apigw-http', 'named-stage', apigwHttpSource],
    ['apigw-http', 'custom-domain', apigwHttpSource],
    ['apigw-http', 'absent-maps', apigwHttpSource],
    ['function-url', 'aws-sample', functionUrlSource],
    ['apigw-rest', 'aws-sample', apigwRestSource],
    ['apigw-rest', 'http-api-v1', apigwRestSource],
    ['apigw-rest', 'null-maps', apigwRestSource],
    ['alb', 'aws-sample', albSource],
    ['alb', 'multi-value', albSource],
    ['alb', 'health-check', albSource],
  ])('C1–C4: detects %s/%s.json', (folder, name, expected) => {
    expect(detectEventSource(readFixture(folder, name))).toBe(expected);
  });

  it('C1: needs requestContext.http besides version 2.0', () => {
    // Prepare
    const event = Object.assign({}, readFixture('apigw-http', 'aws-sample'), {
      requestContext: {},
    });
    // Act & Assess
    expect(() => detectEventSource(event)).toThrow(NotAnHttpEventError);
  });

  it('C1: does not take a rawPath for payload 2.0', () => {
    // Prepare
    const event = Object.assign({}, readFixture('apigw-rest', 'aws-sample'), {
      rawPath: '/hello/world',
    });
    // Act & Assess
    expect(detectEventSource(event)).toBe(apigwRestSource);
  });

  it('C3: detects the load balancer before payload 1.0, whose fields it shares', () => {
    // Prepare
    const event = Object.assign({}, readFixture('apigw-rest', 'aws-sample'), {
      requestContext: { elb: { targetGroupArn: 'arn' } },
    });
    // Act & Assess
    expect(detectEventSource(event)).toBe(albSource);
  });

  it('C4: detects a function URL by its host only', () => {
    // Prepare
    const sample = readFixture('function-url', 'aws-sample');
    const elsewhere = Object.assign({}, sample, {
      requestContext: Object.assign({}, own(sample, 'requestContext'), {
        domainName: 'api.example.com',
      }),
    });
    // Act & Assess
    expect(detectEventSource(elsewhere)).toBe(apigwHttpSource);
  });

  it.each([
    ['an SQS event', readFixture('other', 'sqs'), 'an object with keys ["Records"]'],
    ['an EventBridge event', readFixture('other', 'eventbridge'), '"detail-type"'],
    ['a WebSocket API event', readFixture('other', 'apigw-websocket-connect'), '"requestContext"'],
    [
      'a WebSocket message whose httpMethod, path and resource are null',
      readFixture('other', 'apigw-websocket-message'),
      '"httpMethod"',
    ],
    ['an empty object', {}, 'an object with no keys'],
    ['null', null, 'got null'],
    ['undefined', undefined, 'a value of type undefined'],
    ['a string', 'GET /', 'a value of type string'],
    ['a number', 42, 'a value of type number'],
    ['an array', [{ httpMethod: 'GET' }], 'an array of length 1'],
    ['payload 1.0 without resource', { httpMethod: 'GET', requestContext: {} }, '"httpMethod"'],
    [
      'payload 1.0 with a null requestContext',
      { httpMethod: 'GET', resource: '/', requestContext: null },
      '"resource"',
    ],
  ])('C5: refuses %s with a NotAnHttpEventError naming what it got', (_label, event, fragment) => {
    // Act
    const act = () => detectEventSource(event);
    // Assess
    expect(act).toThrow(NotAnHttpEventError);
    expect(act).toThrow(fragment);
  });
});

describe('NotAnHttpEventError', () => {
  it('C5: is a named Error subclass', () => {
    // Act
    const error = new NotAnHttpEventError({ Records: [] });
    // Assess
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('NotAnHttpEventError');
    expect(error.message).toContain('Not an HTTP event');
  });

  it('C5: lists at most 20 keys and counts the rest, never the values', () => {
    // Prepare
    const event = Object.fromEntries(
      Array.from({ length: 25 }, (_, index) => [`key${index}`, 'secret']),
    );
    // Act
    const { message } = new NotAnHttpEventError(event);
    // Assess
    expect(message).toContain('"key19"]');
    expect(message).not.toContain('"key20"');
    expect(message).toContain('and 5 more');
    expect(message).not.toContain('secret');
  });
});
