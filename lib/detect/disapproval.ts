/**
 * Trosborg's level 2 is disapproval: the customer judges the service in so many words ("this is
 * unacceptable", "really disappointed", "worst service"), or says they lost money. Such posts are
 * almost never level 1 in the rated data: 5 of 72 tweets and 9 of 230 banking posts with one of
 * these words; 0 of 5 tweets that say money was lost (but 45 of 87 banking posts: there a lost
 * amount is mostly reported, not reproached). So the words lift any post to 2, and money lost a
 * post that reads as a social one (issue 20, round 10). Pure: tested against normalised text.
 */
import { MONEY_LOST } from './money-lost';

export const DISAPPROVAL_FLOOR = 2;

const DISAPPROVAL = /\b(?:unacceptable|not acceptable|disappointed|disappointing|disappointment|ridiculous|terrible|awful|horrible|worst|pathetic|disgusting|disgraceful|appalling|shameful|outrageous|useless|fed up|sick and tired)\b/;

/** 2 when the post judges the service in so many words, else 0: a floor for every post. */
export function disapprovalFloor(norm: string): number {
  return DISAPPROVAL.test(norm) ? DISAPPROVAL_FLOOR : 0;
}

/** 2 when the post says money was lost (money-lost.ts), else 0: a floor for social posts only, like the escalation floors. */
export function moneyLostFloor(norm: string): number {
  return MONEY_LOST.test(norm) ? DISAPPROVAL_FLOOR : 0;
}
