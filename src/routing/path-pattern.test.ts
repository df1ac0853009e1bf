import { formatTemplate, parsePathTemplate, templateShape } from './path-pattern';

describe('parsePathTemplate', () => {
  it('parses static, parameter and greedy segments', () => {
    // Act
    const segments = parsePathTemplate('/files/{bucket}/{path+}');

    // Assess
    expect(segments).toEqual([
      { kind: 'static', value: 'files' },
      { kind: 'param', name: 'bucket' },
      { kind: 'greedy', name: 'path' },
    ]);
  });

  it('gives no segments for the root and ignores one trailing slash', () => {
    expect(parsePathTemplate('/')).toEqual([]);
    expect(parsePathTemplate('/users/')).toEqual(parsePathTemplate('/users'));
  });

  it.each([
    ['users', 'must start with "/"'],
    ['/users//x', 'empty segment'],
    ['/users/{id', 'segment "{id"'],
    ['/users/id}', 'segment "id}"'],
    ['/users/{}', 'segment "{}"'],
    ['/users/{+}', 'segment "{+}"'],
    ['/users/x{id}', 'segment "x{id}"'],
    ['/users/{id}.json', 'segment "{id}.json"'],
    ['/files/{path+}/meta', 'must be the last segment'],
    ['/a/{id}/b/{id}', 'appears twice'],
    ['/a/{my-id}', 'segment "{my-id}"'],
  ])('C54: refuses %j (%s)', (template, message) => {
    expect(() => parsePathTemplate(template)).toThrow(message);
  });

  it('refuses a template that is not a string', () => {
    expect(() => parsePathTemplate(42)).toThrow('42 must start with "/"');
  });
});

describe('templateShape', () => {
  it('C55: gives equal shapes to templates that differ only in parameter names', () => {
    expect(templateShape(parsePathTemplate('/users/{id}'))).toBe(
      templateShape(parsePathTemplate('/users/{userId}')),
    );
    expect(templateShape(parsePathTemplate('/f/{p+}'))).toBe('/f/{+}');
  });
});

describe('formatTemplate', () => {
  it('writes the canonical template back', () => {
    expect(formatTemplate(parsePathTemplate('/files/{id}/{rest+}/'))).toBe('/files/{id}/{rest+}');
    expect(formatTemplate([])).toBe('/');
  });
});
