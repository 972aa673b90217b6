import type { Template } from './template-schema';

export { SIGNAL_KEYS, TemplateSchema, type Template } from './template-schema';
export { parseTemplatesImport, type TemplatesImport } from './templates-import';
export { rankTemplates, type RankedTemplate, type Situation } from './rank-templates';

/**
 * The replies an agent starts from. Written the way a good support person talks: own the
 * failure, say what you don't know, give a date you can keep, and sign with your name.
 *
 * Honest by construction: no default sentence asserts anything about this customer's case.
 * Where a fact belongs there is a visible placeholder in square brackets (see placeholders.ts);
 * Insert and Copy stay disabled until the agent fills or deletes each one. The only specifics
 * a template fills itself are the agent's own (name, contact details, signature) and the
 * follow-up date, which the agent sets with the control beside the draft.
 * Every body passes checkTone with no overpromise, defensive, blame or canned warning (tested).
 */
export const DEFAULT_TEMPLATES: readonly Template[] = [
  {
    id: 'own-the-failure',
    shortcut: '/sorry',
    title: 'Acknowledge and own it',
    body:
      "Hi ${CUSTOMER_FIRST_NAME:there}, you're right, and I'm sorry. ${1:[what went wrong, in their words]}. That's on us, not you.\n\n" +
      "I'm ${AGENT_FIRST_NAME} from the support team and I'm looking into it myself. I'll update you here by ${FOLLOW_UP_DATE} with what I find.$0\n\n" +
      '${SIGNATURE}',
    tags: ['apology', 'ownership'],
    severities: [2, 3, 4],
    signals: ['brand'],
    themes: ['bugs', 'performance', 'delivery', 'customer-service'],
    setsFollowUp: true,
  },
  {
    id: 'dont-know-yet',
    shortcut: '/dunno',
    title: "I don't know yet — I'll find out",
    body:
      "Hi ${CUSTOMER_FIRST_NAME:there}, honest answer: I don't know yet ${1:[what they asked about]}. " +
      "I'll find out and get back to you by ${FOLLOW_UP_DATE}, even if all I have by then is where things stand.$0\n\n" +
      '${SIGNATURE}',
    tags: ['question', 'follow-up'],
    severities: [0, 1, 2, 3],
    signals: ['question'],
    setsFollowUp: true,
  },
  {
    id: 'outage-status',
    shortcut: '/outage',
    title: 'Outage: what we know, and the next update',
    body:
      "Hi ${CUSTOMER_FIRST_NAME:there}, I'm sorry, this is stopping your work and that matters. What I can confirm right now: ${1:[only what you know for certain]}. " +
      "I'll post the next update here by ${2:[a time you can keep]}, whether or not it's fixed by then.$0\n\n" +
      '${SIGNATURE}',
    tags: ['outage', 'status'],
    severities: [1, 2, 3, 4],
    themes: ['outage', 'performance'],
  },
  {
    id: 'cant-share-but-can-do',
    shortcut: '/cantshare',
    title: "I can't share that, but here's what I can do",
    body:
      "Hi ${CUSTOMER_FIRST_NAME:there}, I can't share ${1:[what you can't share]}, ${2:[why, in one honest clause]}. " +
      "Here's what I can do: ${3:[what you can actually do for them]}. " +
      "If that helps, reply here and I'll start.$0\n\n" +
      '${SIGNATURE}',
    tags: ['boundary', 'privacy'],
    severities: [1, 2, 3],
    signals: ['question'],
    themes: ['privacy-security'],
  },
  {
    id: 'move-to-private',
    shortcut: '/private',
    title: 'Move to a private channel',
    body:
      "Hi ${CUSTOMER_FIRST_NAME:there}, I want to sort this out properly, and that needs ${1:[the details you need, e.g. the order number]}, which shouldn't go in a public thread. " +
      "Could you call me directly on ${PHONE:[your phone]} or email me at ${EMAIL:[your email]}? I'm ${AGENT_NAME}, and you'll get me, not a queue.$0\n\n" +
      '${SIGNATURE}',
    tags: ['private', 'phone'],
    severities: [1, 2, 3, 4],
    themes: ['billing', 'refunds', 'account-access', 'privacy-security'],
  },
  {
    id: 'follow-up-on-promise',
    shortcut: '/followup',
    title: 'Follow up on a promise',
    body:
      "Hi ${CUSTOMER_FIRST_NAME:there}, I said I'd come back to you by ${1:[the day you promised]}, so here's where things stand: ${2:[what you know now]}. " +
      '${3:[what happens next, and when]}.$0\n\n' +
      '${SIGNATURE}',
    tags: ['follow-up'],
    severities: [1, 2, 3, 4],
    returning: true,
  },
  {
    id: 'thank-the-critic',
    shortcut: '/critic',
    title: 'Thank an honest critic',
    body:
      "Hi ${CUSTOMER_FIRST_NAME:there}, thank you for writing this up. ${1:[the part of their point you agree with, in your words]}. " +
      "I've passed it to ${2:[the team that owns it]}, and I'll come back here by ${FOLLOW_UP_DATE} with what they decide.$0\n\n" +
      '${SIGNATURE}',
    tags: ['feedback', 'thanks'],
    severities: [1, 2],
    signals: ['brand'],
    // Thanks for feedback reads as tone-deaf to someone whose production is down or who is leaving.
    unsuitableFor: ['urgency', 'churn', 'abuse'],
    setsFollowUp: true,
  },
  {
    id: 'thank-for-kind-words',
    shortcut: '/thanks',
    title: 'Thank them for kind words',
    body: "Hi ${CUSTOMER_FIRST_NAME:there}, thank you, that's good to hear. ${1:[anything specific you want to add, or delete this]}$0\n\n${SIGNATURE}",
    tags: ['thanks', 'praise'],
    severities: [0],
    unsuitableFor: ['urgency', 'churn', 'abuse'],
  },
  {
    id: 'calm-boundary',
    shortcut: '/boundary',
    title: 'Calm, firm boundary (personal attack)',
    body:
      "${CUSTOMER_FIRST_NAME:Hi}, I want to help with ${1:[the problem they raised]}, and I will. I won't carry on a conversation that includes personal insults, though. " +
      "If you'd like to keep going, send me ${2:[what you need from them]} and I'll pick it up from there, or email me at ${EMAIL:[your email]}.$0\n\n" +
      '${SIGNATURE}',
    tags: ['abuse', 'boundary'],
    severities: [2, 3, 4],
    signals: ['abuse'],
  },
  {
    id: 'churn-without-begging',
    shortcut: '/churn',
    title: 'Churn: one honest offer, then respect the choice',
    body:
      "Hi ${CUSTOMER_FIRST_NAME:there}, that's a fair reason to leave, and I won't pretend otherwise. " +
      '${1:[one offer you are allowed to make, or delete this sentence]}. ' +
      "If you still want to go, ${2:[what you will do to make leaving easy]}. Either way it's your decision.$0\n\n" +
      '${SIGNATURE}',
    tags: ['churn', 'retention'],
    severities: [1, 2, 3, 4],
    signals: ['churn'],
    themes: ['cancellation'],
  },
  {
    id: 'x-short',
    shortcut: '/short',
    title: 'Short reply for X',
    body:
      "${CUSTOMER_FIRST_NAME:Hi}, sorry about ${1:[the problem, in a few words]}. I'm on it and I'll reply here by ${FOLLOW_UP_DATE}. " +
      '${2:[optional: how to reach you privately]}$0\n${SIGNATURE}',
    tags: ['short'],
    severities: [1, 2, 3, 4],
    platforms: ['x'],
    setsFollowUp: true,
  },
];
