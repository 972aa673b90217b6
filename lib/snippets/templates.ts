import type { Template } from './template-schema';

export { SIGNAL_KEYS, TemplateSchema, type Template } from './template-schema';
export { parseTemplatesImport, type TemplatesImport } from './templates-import';
export { rankTemplates, type RankedTemplate, type Situation } from './rank-templates';

/**
 * The replies an agent starts from. Written the way a good support person talks: own the
 * failure, say what you don't know, give a date you can keep, and sign with your name.
 * Tab stops hold the parts only the agent can know; their defaults are examples to type over.
 * Every body passes checkTone with no overpromise, defensive, blame or canned warning (tested).
 */
export const DEFAULT_TEMPLATES: readonly Template[] = [
  {
    id: 'own-the-failure',
    title: 'Acknowledge and own it',
    body:
      "Hi ${CUSTOMER_FIRST_NAME:there}, you're right, and I'm sorry. ${1:The export failed and you lost an afternoon of work}. That's on us, not you.\n\n" +
      "I'm ${AGENT_FIRST_NAME} from the support team and I'm looking into it myself. ${2:I'll update you here by ${FOLLOW_UP_DATE} with what went wrong and what we're doing about it.}$0\n\n" +
      '${SIGNATURE}',
    tags: ['apology', 'ownership'],
    severities: [2, 3, 4],
    signals: ['brand'],
    setsFollowUp: true,
  },
  {
    id: 'dont-know-yet',
    title: "I don't know yet — I'll find out",
    body:
      "Hi ${CUSTOMER_FIRST_NAME:there}, honest answer: I don't know yet ${1:why your order shows as delivered when it hasn't arrived}. " +
      "I'll find out and get back to you by ${FOLLOW_UP_DATE}, even if all I have by then is where things stand.$0\n\n" +
      '${SIGNATURE}',
    tags: ['question', 'follow-up'],
    severities: [1, 2, 3],
    signals: ['question'],
    setsFollowUp: true,
  },
  {
    id: 'cant-share-but-can-do',
    title: "I can't share that, but here's what I can do",
    body:
      "Hi ${CUSTOMER_FIRST_NAME:there}, I can't share ${1:details of someone else's account}, ${2:for the same privacy reasons that protect yours}. " +
      "Here's what I can do: ${3:go through your own account history with you and tell you exactly what happened on your side}. " +
      "${4:If that helps, reply here and I'll start today.}$0\n\n" +
      '${SIGNATURE}',
    tags: ['boundary', 'privacy'],
    severities: [1, 2, 3],
    signals: ['question'],
  },
  {
    id: 'move-to-private',
    title: 'Move to a private channel',
    body:
      "Hi ${CUSTOMER_FIRST_NAME:there}, I want to sort this out properly, and that needs ${1:your account details}, which shouldn't go in a public thread. " +
      "Could you call me directly on ${PHONE} or email me at ${EMAIL}? I'm ${AGENT_NAME}, and you'll get me, not a queue${2: (I'm here until 6pm today)}.$0\n\n" +
      '${SIGNATURE}',
    tags: ['private', 'phone'],
    severities: [2, 3, 4],
    signals: ['urgency'],
  },
  {
    id: 'follow-up-on-promise',
    title: 'Follow up on a promise',
    body:
      "Hi ${CUSTOMER_FIRST_NAME:there}, I said I'd come back to you by ${1:today}, so here's where things stand: ${2:we found the cause, a sync job that skipped some accounts, and the fix is being tested now}. " +
      "${3:I'll check your account myself once it's live and tell you here.}$0\n\n" +
      '${SIGNATURE}',
    tags: ['follow-up'],
    severities: [1, 2, 3, 4],
    returning: true,
  },
  {
    id: 'thank-the-critic',
    title: 'Thank an honest critic',
    body:
      "Hi ${CUSTOMER_FIRST_NAME:there}, thank you for writing this up. It's the clearest account of ${1:the checkout problem} we've had, and you're right about ${2:the fees only showing on the last step}. " +
      "I've passed it to ${3:the team that owns checkout}, and what's changing is ${4:the full price will show on the first page}. " +
      "I'll post here when that's live.$0\n\n" +
      '${SIGNATURE}',
    tags: ['feedback', 'thanks'],
    severities: [1, 2, 3],
    signals: ['brand'],
    // Thanks for feedback reads as tone-deaf to someone whose production is down or who is leaving.
    unsuitableFor: ['urgency', 'churn', 'abuse'],
  },
  {
    id: 'calm-boundary',
    title: 'Calm, firm boundary (personal attack)',
    body:
      "${CUSTOMER_FIRST_NAME:Hi}, I want to help with ${1:the billing problem}, and I will. I won't carry on a conversation that includes personal insults, though. " +
      "If you'd like to keep going, send me ${2:your order number} and I'll pick it up from there, or email me at ${EMAIL}.$0\n\n" +
      '${SIGNATURE}',
    tags: ['abuse', 'boundary'],
    severities: [3, 4],
    signals: ['abuse'],
  },
  {
    id: 'churn-without-begging',
    title: "Churn: one honest offer, then respect the choice",
    body:
      "Hi ${CUSTOMER_FIRST_NAME:there}, that's a fair reason to leave, and I won't pretend otherwise. " +
      "One thing that might change the picture: ${1:we can move you to the monthly plan with no cancellation fee}. " +
      "If it doesn't, ${2:I'll make sure the cancellation goes through today and nothing more is charged}. Either way it's your decision.$0\n\n" +
      '${SIGNATURE}',
    tags: ['churn', 'retention'],
    severities: [2, 3, 4],
    signals: ['churn'],
  },
  {
    id: 'x-short',
    title: 'Short reply for X',
    body:
      "${CUSTOMER_FIRST_NAME:Hi}, sorry about ${1:this}. You're right to flag it. I'm on it and I'll reply here by ${FOLLOW_UP_DATE}. " +
      '${2:If you DM us your order number, ask for me.}$0\n${SIGNATURE}',
    tags: ['short'],
    severities: [1, 2, 3, 4],
    platforms: ['x'],
    setsFollowUp: true,
  },
];
