import type { EventName } from './events.ts';

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly body: unknown;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

function toAnswer(result: unknown): Answer {
  const status = field(result, 'statusCode');
  const raw = field(result, 'body');
  if (typeof status !== 'number') throw new Error(`no numeric statusCode in ${preview(result)}`);
  const text =
    typeof raw === 'string' && field(result, 'isBase64Encoded') === true
      ? Buffer.from(raw, 'base64').toString('utf8')
      : raw;
  let contentType = '';
  // REST API results may carry a header in either map; API Gateway merges the two.
  for (const headers of [field(result, 'headers'), field(result, 'multiValueHeaders')]) {
    if (typeof headers !== 'object' || headers === null) continue;
    for (const [name, value] of Object.entries(headers)) {
      if (name.toLowerCase() === 'content-type') contentType = String(value);
    }
  }
  return { status, contentType, body: typeof text === 'string' ? JSON.parse(text) : undefined };
}

function preview(value: unknown): string {
  return (JSON.stringify(value) ?? String(value)).slice(0, 300);
}

function expectUser(answer: Answer, id: string): string | undefined {
  if (answer.status !== 200) return `status ${answer.status}, expected 200`;
  if (field(answer.body, 'id') !== id || field(answer.body, 'name') !== 'Ada Lovelace') {
    return `body ${preview(answer.body)} is not user ${id}`;
  }
  return undefined;
}

const CHECKS: Readonly<Record<EventName, (answer: Answer) => string | undefined>> = {
  'v2-get-user': (answer) => expectUser(answer, '42'),
  'v1-get-user': (answer) => expectUser(answer, '42'),
  'v2-list-users': (answer) => {
    if (answer.status !== 200) return `status ${answer.status}, expected 200`;
    const items = field(answer.body, 'items');
    return Array.isArray(items) && items.length === 10 && field(items[9], 'id') === 'u-10'
      ? undefined
      : `body ${preview(answer.body)} does not list 10 users`;
  },
  'v2-create-user': (answer) => {
    if (answer.status !== 201) return `status ${answer.status}, expected 201`;
    return field(answer.body, 'email') === 'ada@example.com' && field(answer.body, 'id') === 'u-new'
      ? undefined
      : `body ${preview(answer.body)} is not the created user`;
  },
  'v2-create-invalid': (answer) =>
    answer.status === 400 ? undefined : `status ${answer.status}, expected 400`,
};

/**
 * Checks one implementation's result for an event.
 *
 * @throws Error naming the implementation, the event and what is wrong.
 */
export function assertAnswer(implementation: string, event: EventName, result: unknown): void {
  let problem: string | undefined;
  try {
    const answer = toAnswer(result);
    problem = CHECKS[event](answer);
    if (problem === undefined && !answer.contentType.includes('json')) {
      problem = `content-type ${JSON.stringify(answer.contentType)} is not JSON`;
    }
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  if (problem !== undefined) {
    throw new Error(`${implementation} answered ${event} wrongly: ${problem}`);
  }
}
