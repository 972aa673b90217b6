/**
 * Triage priority: what to answer first, beside the Trosborg severity level. Severity says how
 * upset the words are; priority says what is at stake for the business (a customer about to
 * leave, money lost, a service down, someone coming back angrier). Each reason is a plain
 * sentence fragment the helper can show, so the agent sees why, and can disagree.
 * Pure: text and verdict in, priority and reasons out; no model weights involved, so the
 * reasons are always words that are in the post (or facts from the agent's own log).
 */
import type { Severity, Signals } from '../types';
import { MONEY_LOST } from './money-lost';
import { normalise } from './normalise';

export const PRIORITIES = ['urgent', 'soon', 'normal'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const PRIORITY_LABELS: Readonly<Record<Priority, string>> = {
  urgent: 'Urgent',
  soon: 'Answer soon',
  normal: 'Normal',
};

export interface TriageInput {
  text: string;
  verdict: { complaint: boolean; severity: Severity; signals: Signals };
  /** From the agent's log, when known: has this person written before, and are they angrier now? */
  returning?: { known: boolean; severityRising: boolean };
}

export interface Triage {
  priority: Priority;
  /** Why, most pressing first; empty for a normal post. */
  reasons: string[];
}

interface Rule {
  reason: string;
  priority: Exclude<Priority, 'normal'>;
  pattern: RegExp;
}

// Families of phrases, not the words of any one post: stems and optional words let one rule
// cover "cancelling my plan", "cancel our subscription", "we are moving everything off".
const RULES: readonly Rule[] = [
  {
    reason: 'may leave',
    priority: 'urgent',
    pattern: /\b(cancel(l?ing)? (my|our|the) (account|subscription|plan|membership|contract|service)|cancell?ed (my|our) (account|subscription|plan|membership|contract)|(i'?m|i am|we'?re|we are|i'?ll|we'?ll|i will|we will|going to|gonna|about to) cancel\w*|cancell?ing (today|now|tomorrow|it)|unsubscrib\w*|clos(e|ing) (my|our) account|delet(e|ing) (my|our) account|switch(ing|ed) (over )?to|moving (\w+ )?(off|away from)|moving (everything|all|our business|my business) to|leaving (you|for)|done with (you|this|your)|never (again|buying|using|ordering|shopping)|tak(e|ing) (my|our) business|find(ing)? (another|a new) (provider|bank|company|service)|last straw|chargeback)\b/,
  },
  {
    reason: 'lost money',
    priority: 'urgent',
    pattern: MONEY_LOST,
  },
  {
    reason: 'an outage',
    priority: 'urgent',
    pattern: /\b(outages?|downtime|(is|are|went|been|goes|still|all|completely|totally|site|service|servers?|app|api|website) down|(?<!going )down (again|for|since|everywhere)|offline|not loading|won'?t load|can'?t (even )?(load|connect|access)|service unavailable|5\d\d errors?|(nothing|none of it) (works|is working)|everything is broken|whole (team|company|office|site)|all (of )?our (users|customers|clients))\b/,
  },
  {
    reason: 'threatens legal or public action',
    priority: 'urgent',
    pattern: /\b(lawyers?|sue|suing|lawsuit|legal action|small claims|court|ombudsman|regulator|trading standards|bbb|better business bureau|report(ing)? (you|this) to|going public|tell everyone)\b/,
  },
  {
    reason: 'account or data at risk',
    priority: 'urgent',
    pattern: /\b(hacked|compromised|someone (else )?(logged|got) into|data (breach|leak)|identity theft|fraudulent (charge|transaction|activity)|phishing)\b/,
  },
  {
    reason: 'waiting long or asked before',
    priority: 'soon',
    pattern: /\b(still (waiting|no|not|nothing|broken)|no (reply|response|answer|one (has )?(replied|answered|responded))|(for|in|over|after) (\d+|two|three|four|five|six|several|many) (hours|days|weeks|months)|(second|third|fourth|fifth|\d+(nd|rd|th)) (time|email|ticket|call|message)|(asked|emailed|called|written|wrote) (you )?(\w+ )?(times|again|twice)|(ticket|emailed|email|called|asked|reported|contacted|complained|wrote|messaged)\b[^.!?]{0,40}\b(\d+|two|three|four|five|six|several|many) (days|weeks|months) ago|yet again|again and again|never (fixed|resolved|answered|replied|got back))\b/,
  },
];

/** Severity at which a post is worth answering soon on its own words. */
const SOON_SEVERITY = 3;

/** The priority of a flagged post and the reasons for it, in plain words. */
export function triageOf(input: TriageInput): Triage {
  const { verdict, returning } = input;
  if (!verdict.complaint || verdict.severity === 0) return { priority: 'normal', reasons: [] };
  const text = normalise(typeof input.text === 'string' ? input.text : '').replace(/\s+/g, ' ');
  const urgent: string[] = [];
  const soon: string[] = [];
  if (returning?.known && returning.severityRising) urgent.push('comes back angrier than last time');
  for (const rule of RULES) if (rule.pattern.test(text)) (rule.priority === 'urgent' ? urgent : soon).push(rule.reason);
  if (verdict.signals.abuse) soon.push('abusive: answer calmly, once');
  if (returning?.known && !returning.severityRising) soon.push('has written before');
  if (verdict.severity >= SOON_SEVERITY && urgent.length + soon.length === 0) soon.push(verdict.severity === 4 ? 'blames us angrily' : 'accuses us');
  const reasons = [...urgent, ...soon];
  return { priority: urgent.length > 0 ? 'urgent' : soon.length > 0 ? 'soon' : 'normal', reasons };
}

/** "Urgent: may leave, an outage" — for labels and titles; empty for a normal post. */
export function describeTriage(t: Triage): string {
  if (t.priority === 'normal') return '';
  return `${PRIORITY_LABELS[t.priority]}: ${t.reasons.join(', ')}`;
}
