/** The five signals shown next to a verdict, from lexicon hits on the whole (normalised) text. */
import type { Signals } from '../types';
import { mentionsBrand } from './brand';
import { categoryBit } from './lexicon';
import { TokenKind, type Scan } from './tokens';

const CHURN = categoryBit('churn');
const ABUSE = categoryBit('abuse');
const REQUEST = categoryBit('request');
const URGENCY = categoryBit('urgency');

export function signalsOf(norm: string, scan: Scan, lexiconBits: number, brandTerms: readonly string[] | undefined): Signals {
  let question = (lexiconBits & REQUEST) !== 0;
  for (let t = 0; t < scan.nTokens && !question; t++) question = scan.tokenKind[t] === TokenKind.Question;
  return {
    brand: mentionsBrand(norm, brandTerms),
    churn: (lexiconBits & CHURN) !== 0,
    abuse: (lexiconBits & ABUSE) !== 0,
    question,
    urgency: (lexiconBits & URGENCY) !== 0,
  };
}
