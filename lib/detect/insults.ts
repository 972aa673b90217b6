import { LEXICON } from './lexicon-terms';

/**
 * Where the insults are in a post, so the helper can blur them until the agent chooses to read
 * them: personal attacks are what wears support staff down most, and the agent can answer the
 * problem without reading the abuse first. The same phrase list that raises the "abusive" signal,
 * matched on word boundaries, case-insensitively, plus censored swearing ("f***", "sh*t").
 */
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PHRASES = [...LEXICON.abuse].sort((a, b) => b.length - a.length).map((p) => escape(p).replace(/ /g, '\\s+'));
const INSULT = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${PHRASES.join('|')}|f[*#@!]{2,}k?(?:ing)?|sh[*#@!]t)(?![\p{L}\p{N}])`, 'giu');

export interface Span {
  start: number;
  end: number;
}

export function insultSpans(text: string): Span[] {
  return [...text.matchAll(INSULT)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}
