import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expandSnippet, parseSnippet, type Expansion } from '../../../lib/snippets';

/** What the agent sees at each stop: the text of every range, by stop index. */
const textAt = (e: Expansion) => e.stops.map((s) => [s.index, s.ranges.map(([a, b]) => e.text.slice(a, b))]);

describe('expandSnippet', () => {
  it('fills variables and walks stops 1..n, then $0', () => {
    const e = expandSnippet('Hi $NAME, ${2:second} ${1:first}$0 bye', { NAME: 'Sam' });
    expect(e.text).toBe('Hi Sam, second first bye');
    expect(textAt(e)).toEqual([
      [1, ['first']],
      [2, ['second']],
      [0, ['']],
    ]);
    expect(e.stops[2]!.ranges).toEqual([[20, 20]]);
    expect(e.unknownVariables).toEqual([]);
  });

  it('puts the final stop at the end of the text when there is no $0', () => {
    const e = expandSnippet('Thanks ${1:Sam}!', {});
    expect(e.stops.at(-1)).toEqual({ index: 0, ranges: [[11, 11]] });
  });

  it('mirrors same-index stops; the first one with a default wins', () => {
    const e = expandSnippet('$1 / ${1:order 42} / ${1:ignored} / $1', {});
    expect(e.text).toBe('order 42 / order 42 / order 42 / order 42');
    expect(textAt(e)[0]).toEqual([1, ['order 42', 'order 42', 'order 42', 'order 42']]);
  });

  it('mirrors nested placeholders with their inner stops', () => {
    const e = expandSnippet('${1:hello ${2:world}} | $1 | $2', {});
    expect(e.text).toBe('hello world | hello world | world');
    expect(textAt(e)).toEqual([
      [1, ['hello world', 'hello world']],
      [2, ['world', 'world', 'world']],
      [0, ['']],
    ]);
  });

  it('does not loop on a placeholder that contains itself', () => {
    const e = expandSnippet('${1:a ${1:b}} $1', {});
    expect(e.text).toBe('a  a ');
    expect(textAt(e)[0]).toEqual([1, ['a ', 'a ']]);
  });

  it('shows the first choice and offers all of them', () => {
    const e = expandSnippet('Refund via ${1|card,bank transfer,store credit|}.', {});
    expect(e.text).toBe('Refund via card.');
    expect(e.stops[0]).toEqual({ index: 1, ranges: [[11, 15]], choices: ['card', 'bank transfer', 'store credit'] });
  });

  it('keeps an unknown variable visible and reports it once', () => {
    const e = expandSnippet('Hi ${CUSTOMR_NAME}, $CUSTOMR_NAME', {});
    expect(e.text).toBe('Hi ${CUSTOMR_NAME}, ${CUSTOMR_NAME}');
    expect(e.unknownVariables).toEqual(['CUSTOMR_NAME']);
  });

  it('uses the default of an unknown or empty variable', () => {
    expect(expandSnippet('Hi ${CUSTOMER_FIRST_NAME:there}', { CUSTOMER_FIRST_NAME: '' }).text).toBe('Hi there');
    expect(expandSnippet('Hi ${NOPE:there}', {}).text).toBe('Hi there');
    expect(expandSnippet('Call ${PHONE}.', { PHONE: '' }).text).toBe('Call .');
  });

  it('returns the source and the error for a malformed snippet', () => {
    const e = expandSnippet('Hi ${1:name', {});
    expect(e).toEqual({
      text: 'Hi ${1:name',
      stops: [{ index: 0, ranges: [[11, 11]] }],
      unknownVariables: [],
      error: { message: 'unclosed ${', offset: 3 },
    });
  });

  const snippetish = fc.oneof(
    fc.string({ unit: fc.constantFrom('$', '{', '}', '1', '2', '0', 'A', ':', '|', ',', ' ', 'x', '\\') }),
    // Only stop 1 has nested defaults: two stops whose defaults contain each other is a known limit (see report).
    fc.array(fc.constantFrom('${1:', '$1', '$2', '${2|a,b|}', '}', 'x', '${A:', '$A', '$0'), { maxLength: 12 }).map((p) => p.join('')),
  );

  it('always ends with stop 0, and every range lies inside the text', () => {
    fc.assert(
      fc.property(snippetish, (src) => {
        const e = expandSnippet(src, { A: 'value' });
        expect(e.stops.at(-1)!.index).toBe(0);
        const indexes = e.stops.map((s) => s.index);
        expect(indexes.slice(0, -1)).toEqual([...indexes.slice(0, -1)].sort((a, b) => a - b));
        for (const stop of e.stops) {
          for (const [a, b] of stop.ranges) {
            expect(0 <= a && a <= b && b <= e.text.length).toBe(true);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('gives every mirror of a stop the same text', () => {
    fc.assert(
      fc.property(snippetish, (src) => {
        if (!parseSnippet(src).ok) return;
        const e = expandSnippet(src, {});
        for (const stop of e.stops) {
          const texts = new Set(stop.ranges.map(([a, b]) => e.text.slice(a, b)));
          expect(texts.size).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
