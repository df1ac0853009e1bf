import { formatDuration, formatLogLine, type RequestLogFields, useColour } from './log-line';

const FIELDS: RequestLogFields = {
  time: new Date(2026, 10, 24, 21, 45, 7),
  method: 'GET',
  target: '/users/42?full=1',
  status: 200,
  durationMs: 12.4,
  requestId: '6f1c2d3e-0000-4000-8000-000000000000',
};

describe('formatLogLine', () => {
  it('shows time, method, path, status, duration and request id on one line', () => {
    expect(formatLogLine(FIELDS, false)).toBe(
      '21:45:07 GET /users/42?full=1 200 12 ms 6f1c2d3e-0000-4000-8000-000000000000',
    );
  });

  it('adds the reason when the local server answered in the function place', () => {
    expect(
      formatLogLine({ ...FIELDS, status: 504, note: 'Task timed out after 1.00 seconds' }, false),
    ).toMatch(/ 504 12 ms \S+ \(Task timed out after 1\.00 seconds\)$/);
  });

  it('puts the lines of a stack trace under the request line, indented', () => {
    // Act
    const text = formatLogLine(
      { ...FIELDS, status: 502, note: 'function error: boom\nat a\nat b' },
      false,
    );
    // Assess
    expect(text.split('\n')).toEqual([
      expect.stringMatching(/\(function error: boom\)$/),
      '    at a',
      '    at b',
    ]);
  });

  it.each([
    [200, '32'],
    [302, '36'],
    [404, '33'],
    [502, '31'],
  ])('colours status %i with ANSI code %s', (status, code) => {
    expect(formatLogLine({ ...FIELDS, status }, true)).toContain(
      `\u001b[${code}m${status}\u001b[0m`,
    );
  });

  it('writes no escape codes without colour', () => {
    expect(formatLogLine({ ...FIELDS, note: 'x' }, false)).not.toContain('\u001b[');
  });
});

describe('formatDuration', () => {
  it.each([
    [0.42, '0.4 ms'],
    [9.96, '10.0 ms'],
    [12.4, '12 ms'],
    [999.4, '999 ms'],
    [1523, '1.52 s'],
  ])('writes %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('useColour', () => {
  it.each([
    [true, {}, true],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
    [false, {}, false],
  ])('on a TTY %s with %j: %s', (isTTY, env, expected) => {
    expect(useColour({ isTTY }, env)).toBe(expected);
  });
});
