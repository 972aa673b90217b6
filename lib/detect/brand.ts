/**
 * Brand watch terms (names, @handles, product names) matched case-insensitively on whole
 * words of the normalised text, so "@Acme", "ACME" and "acmе" (Cyrillic е) all match "acme"
 * but "acmeville" does not. One compiled pattern per term list, reused across calls.
 */
import { normalise } from './normalise';

let lastKey = '';
let lastPattern: RegExp | null = null;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(terms: readonly string[]): RegExp | null {
  const key = terms.join('\u0000');
  if (key === lastKey) return lastPattern;
  const alternatives = terms
    .map((t) => normalise(t).trim().replace(/\s+/g, ' '))
    .filter((t) => t !== '' && t !== '@')
    .sort((a, b) => b.length - a.length)
    .map((t) => escape(t).replace(/ /g, '\\s+'));
  lastKey = key;
  lastPattern = alternatives.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}_@])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'u');
  return lastPattern;
}

/** True when the normalised text mentions one of the terms. */
export function mentionsBrand(norm: string, terms: readonly string[] | undefined): boolean {
  if (!terms || terms.length === 0) return false;
  const pattern = compile(terms);
  return pattern !== null && pattern.test(norm);
}
