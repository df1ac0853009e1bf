import type { APIGatewayProxyStructuredResultV2, LambdaFunctionURLEvent } from 'aws-lambda';
import { isPayloadV2, toV2Request, toV2Result, type V2PathRules } from './apigw-http';
import { own, ownString } from './event-fields';
import { LAMBDA_SYNC_PAYLOAD_BYTES } from './lambda-limits';
import type { EventSource } from './types';

/**
 * Whether `domainName` is a function URL host, `<url-id>.lambda-url.<region>.on.aws`.
 *
 * The host is the only field that tells a function URL event from an HTTP API one: both use
 * payload 2.0, and `routeKey`/`stage` are `$default` on HTTP APIs too. Every label is checked
 * (not a suffix match) so a custom domain such as `lambda-url.on.aws.example.com` cannot pass.
 *
 * @param domainName - `requestContext.domainName`.
 * @returns `true` for function URL hosts.
 */
export function isFunctionUrlDomain(domainName: string | undefined): boolean {
  // Checked on every payload 2.0 event: rule out HTTP API hosts before splitting the name.
  if (domainName === undefined || !domainName.toLowerCase().endsWith('.on.aws')) return false;
  const [urlId, service, region, on, aws, ...rest] = domainName.toLowerCase().split('.');
  return (
    rest.length === 0 &&
    urlId !== '' &&
    service === 'lambda-url' &&
    region !== '' &&
    on === 'on' &&
    aws === 'aws'
  );
}

const FUNCTION_URL_PATHS: V2PathRules = { decoded: false, stripStage: false };

/**
 * Lambda function URLs: payload format 2.0 read with the HTTP API translators, but the path arrives
 * percent-encoded and there is no stage to strip.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html
 */
export const functionUrlSource: EventSource<
  LambdaFunctionURLEvent,
  APIGatewayProxyStructuredResultV2
> = {
  name: 'function-url',
  maxResponseBytes: LAMBDA_SYNC_PAYLOAD_BYTES,
  matches: (event): event is LambdaFunctionURLEvent =>
    isPayloadV2(event) &&
    isFunctionUrlDomain(ownString(own(event, 'requestContext'), 'domainName')),
  toRequest: (event, context) => toV2Request(event, context, FUNCTION_URL_PATHS),
  toResult: (response) => toV2Result(response),
};
