/**
 * The phrases the tone check looks for, as data: each with why it hurts and what to say
 * instead. Patterns see the draft lower-cased in spirit (flag `i`) and with curly quotes
 * straightened, so "It’s" and "it's" match alike.
 */

export type WarningKind = 'overpromise' | 'defensive' | 'canned' | 'no-next-step' | 'blame' | 'placeholder' | 'unconfirmed';

export interface ToneRule {
  kind: WarningKind;
  pattern: string;
  message: string;
  suggestion: string;
  /** Only a problem when the draft offers no concrete next step (e.g. thanks for patience with nothing after it). */
  onlyWithoutNextStep?: boolean;
  /**
   * The one-click rewrite offered under the words: given the matched words, what to put
   * instead ('' deletes them, null: no safe rewrite for these words). Only where a rewrite keeps the sentence true and grammatical
   * whatever surrounds it; elsewhere the agent gets the suggestion and rewrites by hand.
   */
  rewrite?: (words: string) => string | null;
}

const PROMISE_INSTEAD = "Say what you will do and when: \"I'll check this today and update you by Tuesday.\"";

export const TONE_RULES: readonly ToneRule[] = [
  {
    kind: 'overpromise',
    pattern: String.raw`\bguarantee(?:d|s|ing)?\b`,
    message: 'A guarantee you cannot back is a promise the customer will hold you to.',
    suggestion: PROMISE_INSTEAD,
  },
  {
    kind: 'overpromise',
    pattern: String.raw`\b(?:will|won't|wont|shall) never happen again\b|\bnever (?:ever )?happen(?:s)? again\b|\bwon't happen again\b`,
    message: 'Nobody can promise it will never happen again, and the customer knows it.',
    suggestion: 'Say what changes: "We have added a check so we catch this sooner, and I will watch it myself this week."',
  },
  {
    kind: 'overpromise',
    pattern: String.raw`(?<![\d.])100\s?%|\b(?:100|one hundred) percent\b`,
    message: '"100%" claims a certainty support rarely has.',
    suggestion: 'Say what you know: "From what I can see so far, ..."',
  },
  {
    kind: 'overpromise',
    pattern: String.raw`\bimmediately (?:be )?(?:fixed|resolved|sorted)\b|\b(?:fixed|resolved|sorted) (?:immediately|right away|instantly)\b|\bfix (?:it|this|that) (?:immediately|right away|instantly)\b`,
    message: 'An instant fix is rarely in your hands to give.',
    suggestion: "Give the real first step and a time: \"I've raised it with the team and will update you by 4pm.\"",
  },
  {
    kind: 'overpromise',
    pattern: String.raw`\brest assured\b`,
    message: '"Rest assured" asks for trust instead of earning it.',
    suggestion: 'Replace it with the concrete thing you are doing and when you will report back.',
    rewrite: () => '',
  },
  {
    kind: 'overpromise',
    pattern: String.raw`\b(?:i|we) promise\b(?: (?:it's|it is|this is|that it's|that it is) (?:fixed|resolved|sorted))?`,
    message: 'A promise about an outcome you do not control yet.',
    suggestion: PROMISE_INSTEAD,
  },
  {
    kind: 'overpromise',
    pattern: String.raw`\b(?:permanently|completely) (?:fixed|resolved)\b|\bfixed for good\b`,
    message: 'Claims the problem is gone for good before anyone can know that.',
    suggestion: 'Say what was fixed and ask them to tell you if they see it again.',
    rewrite: (words) => (/resolved/i.test(words) ? 'resolved' : 'fixed'),
  },
  {
    kind: 'defensive',
    pattern: String.raw`\b(?:as )?per (?:our )?(?:company )?polic(?:y|ies)\b|\baccording to (?:our )?polic(?:y|ies)\b|\bit's (?:our|company) policy\b`,
    message: 'Pointing at policy sounds like hiding behind it.',
    suggestion: 'Explain the reason in plain words, then what you can do: "I can\'t refund this one because ..., but I can ..."',
  },
  {
    kind: 'defensive',
    pattern: String.raw`\bcalm down\b|\bdon't overreact\b|\bno need to (?:shout|yell|be rude)\b`,
    message: 'Telling someone to calm down makes them angrier.',
    suggestion: 'Name what went wrong for them instead: "That is a lot of lost time, and I\'m sorry."',
  },
  {
    kind: 'defensive',
    pattern: String.raw`\bas i (?:already |previously )?(?:said|mentioned|explained|stated)\b|\bwith all due respect\b`,
    message: 'Sounds like scoring a point rather than helping.',
    suggestion: 'Just restate the useful part, kindly.',
    rewrite: () => '',
  },
  {
    kind: 'blame',
    pattern: String.raw`\byou should(?:'ve| have)\b|\byou must(?:'ve| have)\b|\byou (?:failed|forgot) to\b|\bif you had\b|\byou didn't read\b`,
    message: 'Reads as blaming the customer.',
    suggestion: 'Describe the fix, not their mistake: "The quickest way from here is to ..."',
  },
  {
    kind: 'blame',
    pattern: String.raw`\buser error\b|\b(?:that's|that is|this is|it's|it is) not our fault\b|\bnot our fault\b|\byour (?:own )?fault\b`,
    message: 'Assigning fault ends the conversation, even when it is true.',
    suggestion: 'Own the next step: "Let me help you get this working — here is what to try."',
  },
  {
    kind: 'canned',
    pattern: String.raw`\b(?:we|i) apologi[sz]e for any inconvenience\b|\b(?:sorry|apologies) for (?:any|the) inconvenience(?: (?:this|that) (?:may have )?caused)?\b|\bany inconvenience (?:this|that) (?:may have )?caused\b`,
    message: '"Any inconvenience" is the phrase everyone recognises as a form letter.',
    suggestion: 'Name the actual harm: "I\'m sorry you lost a morning to this."',
    rewrite: (words) => words.replace(/^(?:we|i) apologi[sz]e for any inconvenience/i, "I'm sorry for the trouble").replace(/\b(?:any|the) inconvenience\b/i, 'the trouble'),
  },
  {
    kind: 'canned',
    pattern: String.raw`\byour (?:call|message|email|business) is (?:very )?important to us\b`,
    message: 'Call-centre wording; it says the opposite of what it means.',
    suggestion: 'Show it instead: answer the question, with your name on it.',
    rewrite: () => '',
  },
  {
    kind: 'canned',
    pattern: String.raw`\bwe value your feedback\b|\byour feedback is (?:very )?(?:valuable|important) to us\b|\bvalued customer\b`,
    message: 'Generic thanks that could be sent to anyone.',
    suggestion: 'Say what you will do with it: "I\'ve passed this to the team that owns checkout."',
    rewrite: (words) => (/valued customer/i.test(words) ? 'customer' : 'thank you for telling us this'),
  },
  {
    kind: 'canned',
    pattern: String.raw`\bwe (?:take|are taking) (?:this|your concerns?|it) (?:very )?seriously\b|\bwe understand your frustration\b`,
    message: 'A stock phrase that promises nothing.',
    suggestion: 'Say what you are doing about it, and when you will be back.',
    rewrite: (words) => (/frustration/i.test(words) ? 'I can see why this is frustrating' : null),
  },
  {
    kind: 'canned',
    pattern: String.raw`\b(?:thank you|thanks|we appreciate you|i appreciate you) (?:so much )?for your (?:patience|understanding)\b`,
    message: 'Thanks for patience, with nothing after it, reads as "please keep waiting".',
    suggestion: 'Pair it with what happens next: "Thanks for bearing with me — I\'ll have an answer by Tuesday."',
    onlyWithoutNextStep: true,
  },
];

/**
 * Signs that a draft commits to something concrete: a day or time, a duration, a way to
 * reach a person, or the agent saying what they will do.
 */
export const NEXT_STEP_PATTERN = new RegExp(
  [
    String.raw`\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b`,
    String.raw`\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week))\b`,
    String.raw`\bby (?:the )?(?:end of (?:the )?(?:day|week)|noon|midday|eod|\d)`,
    String.raw`\b(?:within|in) (?:the next )?(?:\d+|an?|one|two|three|four|five|24|48) (?:minutes?|hours?|days?|business days?|working days?)\b`,
    String.raw`\b\d{1,2}(?::\d{2})?\s?(?:am|pm)\b|\b\d{1,2}:\d{2}\b`,
    String.raw`\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}\b`,
    String.raw`\+?\d[\d ().-]{6,}\d`,
    // The lookbehind anchors the address at its start: without it a long run of letters backtracks quadratically.
    String.raw`(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+`,
    String.raw`\bi(?:'ll| will| am going to|'m going to)\b`,
  ].join('|'),
  'i',
);

/**
 * Specifics a reply can state about the customer's case: money, fees and refunds, discounts,
 * clock times and opening hours. Typed by the agent, they are the agent's word; arriving from a
 * template, the same words were written for someone else's case, so the check asks the agent
 * to confirm them for this customer (see checkTone's `fromTemplate`).
 */
export const SPECIFIC_PATTERN = new RegExp(
  [
    String.raw`[$€£¥]\s?\d[\d,.]*`,
    String.raw`\b\d[\d,.]*\s?(?:dollars|euros|pounds|usd|eur|gbp)\b`,
    String.raw`\b\d{1,3}\s?%(?:\s?off)?`,
    String.raw`\b(?:no|without (?:a|any)|free of)\s(?:\w+\s)?(?:fees?|charges?)\b`,
    String.raw`\bfree of charge\b`,
    String.raw`\b(?:full |partial )?refund(?:ed)?\b`,
    String.raw`\b(?:account |store )?credit of\b|\bdiscount\b`,
    String.raw`\b(?:until|by|before|after|at) \d{1,2}(?::\d{2})?\s?(?:am|pm)\b|\b\d{1,2}:\d{2}\b`,
    String.raw`\b(?:within|in) \d+ (?:hours?|days?|minutes?)\b`,
  ].join('|'),
  'gi',
);
