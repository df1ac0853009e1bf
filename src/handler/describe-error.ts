/** A thrown value as a log record: name, message, stack and cause for errors; type otherwise. */
export function describeError(thrown: unknown, depth = 0): Record<string, unknown> {
  if (thrown instanceof Error) {
    const described: Record<string, unknown> = {
      name: thrown.name,
      message: thrown.message,
      stack: thrown.stack,
    };
    if (thrown.cause !== undefined && depth < 3)
      described['cause'] = describeError(thrown.cause, depth + 1);
    return described;
  }
  return {
    name: 'NonErrorThrown',
    type: thrown === null ? 'null' : typeof thrown,
    value: safeString(thrown),
  };
}

function safeString(value: unknown): string {
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch (error) {
    // A cyclic or hostile value cannot be shown; say so rather than lose the log line.
    return `[unprintable: ${error instanceof Error ? error.message : 'unknown'}]`;
  }
}
