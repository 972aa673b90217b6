import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatSnippetError, parseSnippet } from '../../../lib/snippets';

const nodes = (src: string) => {
  const r = parseSnippet(src);
  if (!r.ok) throw new Error(`unexpected error: ${formatSnippetError(r.error)}`);
  return r.nodes;
};

describe('parseSnippet', () => {
  it('reads tab stops in both forms and the final stop', () => {
    expect(nodes('a $1 b ${2} $0')).toEqual([
      { kind: 'text', value: 'a ' },
      { kind: 'tabstop', index: 1, offset: 2 },
      { kind: 'text', value: ' b ' },
      { kind: 'tabstop', index: 2, offset: 7 },
      { kind: 'text', value: ' ' },
      { kind: 'tabstop', index: 0, offset: 12 },
    ]);
  });

  it('reads nested placeholders', () => {
    expect(nodes('${1:hello ${2:world}}')).toEqual([
      {
        kind: 'placeholder',
        index: 1,
        offset: 0,
        children: [
          { kind: 'text', value: 'hello ' },
          { kind: 'placeholder', index: 2, offset: 10, children: [{ kind: 'text', value: 'world' }] },
        ],
      },
    ]);
  });

  it('reads choices with escaped comma and pipe', () => {
    expect(nodes('${1|one,two\\, three,a\\|b|}')).toEqual([
      { kind: 'choice', index: 1, offset: 0, options: ['one', 'two, three', 'a|b'] },
    ]);
  });

  it('reads variables with and without defaults', () => {
    expect(nodes('$NAME ${OTHER} ${X_1:fallback $1}')).toEqual([
      { kind: 'variable', name: 'NAME', offset: 0 },
      { kind: 'text', value: ' ' },
      { kind: 'variable', name: 'OTHER', offset: 6 },
      { kind: 'text', value: ' ' },
      {
        kind: 'variable',
        name: 'X_1',
        offset: 15,
        children: [{ kind: 'text', value: 'fallback ' }, { kind: 'tabstop', index: 1, offset: 30 }],
      },
    ]);
  });

  it('unescapes \\$, \\} and \\\\ and keeps other backslashes', () => {
    expect(nodes('costs \\$5 \\} \\\\ \\n')).toEqual([{ kind: 'text', value: 'costs $5 } \\ \\n' }]);
    expect(nodes('${1:a \\} b}')).toEqual([
      { kind: 'placeholder', index: 1, offset: 0, children: [{ kind: 'text', value: 'a } b' }] },
    ]);
  });

  it('keeps a dollar that starts nothing, and a stray } outside placeholders, as text', () => {
    expect(nodes('pay $ 5 or $. now }')).toEqual([{ kind: 'text', value: 'pay $ 5 or $. now }' }]);
  });

  it.each([
    ['Hi ${1:name', 'unclosed ${', 3],
    ['Hi ${CUSTOMER_NAME', 'unclosed ${', 3],
    ['${', 'unclosed ${', 0],
    ['x ${1|a,b', 'unclosed ${', 2],
    ['${1|a,,b|}', 'bad choice: empty option', 6],
    ['${1|a,b|', 'bad choice: expected "}" after "|"', 8],
    ['${ 1}', 'expected a tab stop number or variable name after ${', 2],
    ['${1/a/b/}', 'transforms are not supported', 3],
    ['${1 }', 'unexpected " " after tab stop number', 3],
  ])('reports %j as "%s" at offset %i', (src, message, offset) => {
    expect(parseSnippet(src)).toEqual({ ok: false, error: { message, offset } });
  });

  it('formats errors the way the editor and the importer show them', () => {
    const r = parseSnippet('Thanks, ${1:name');
    expect(!r.ok && formatSnippetError(r.error)).toBe('unclosed ${ at offset 8');
  });

  it('rejects absurd nesting instead of overflowing the stack', () => {
    const deep = '${1:'.repeat(10_000) + '}'.repeat(10_000);
    const r = parseSnippet(deep);
    expect(r.ok).toBe(false);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('$', '{', '}', '\\', '1', 'a', ':', '|', ',', ' ', '/') }), (src) => {
        const r = parseSnippet(src);
        if (!r.ok) {
          expect(r.error.offset).toBeGreaterThanOrEqual(0);
          expect(r.error.offset).toBeLessThanOrEqual(src.length);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('treats any text without $, } or \\ as one text node', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => s !== '' && !/[$}\\]/.test(s)), (s) => {
        expect(parseSnippet(s)).toEqual({ ok: true, nodes: [{ kind: 'text', value: s }] });
      }),
    );
  });
});
