import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWhitespace } from '../../../lib/sites/dom';

// The contract every reader relies on: runs of whitespace become one space, none at either end.
const reference = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('foldWhitespace', () => {
  it('folds exactly as a replace-and-trim does, for text with any whitespace (folded already or not)', () => {
    const chars = fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', 'a', 'é', '字', '.', 'Z');
    const text = fc.oneof(fc.string(), fc.array(chars, { maxLength: 30 }).map((cs) => cs.join('')));
    fc.assert(fc.property(text, (s) => foldWhitespace(s) === reference(s)), { numRuns: 5000 });
    expect(foldWhitespace('  Acme\u00a0charged\n me ')).toBe('Acme charged me');
    expect(foldWhitespace('already folded')).toBe('already folded');
  });
});
