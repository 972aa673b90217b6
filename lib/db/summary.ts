import type { Severity } from '../model/severity';
import type { Contact, Interaction, Status } from './records';

/**
 * Derived fields kept on the records so the popup and dashboard lists read no history:
 * - on each contact, a summary of their interactions (count, status of the latest, worst severity,
 *   earliest pending follow-up);
 * - on each interaction, `followUpDue`: the follow-up time while the follow-up is pending (set,
 *   not done, interaction not resolved), absent otherwise; its index holds only pending follow-ups.
 * Every write that changes what they derive from recomputes them in the same read-write
 * transaction (log.ts, import-json.ts, retention.ts), so they cannot drift.
 */
export interface ContactSummary {
  interactionCount: number;
  /** Status of their latest interaction (by first-seen time, then id: the index order). */
  lastStatus?: Status;
  /** Highest severity they have shown (0 with no interaction). */
  maxSeverity: Severity;
  /** Earliest pending follow-up among their interactions (indexed: the popup's due search). */
  followUpDue?: number;
}

/** Pending follow-up time, or undefined: the one rule for the followUpDue index. */
export function followUpDueOf(i: Pick<Interaction, 'followUpAt' | 'followUpDone' | 'status'>): number | undefined {
  return i.followUpAt !== undefined && !i.followUpDone && i.status !== 'resolved' ? i.followUpAt : undefined;
}

/** Sets or removes followUpDue in place; returns the record. */
export function setFollowUpDue<T extends Pick<Interaction, 'followUpAt' | 'followUpDone' | 'status'> & { followUpDue?: number }>(i: T): T {
  const due = followUpDueOf(i);
  if (due === undefined) delete i.followUpDue;
  else i.followUpDue = due;
  return i;
}

/** Order of the [contactId+firstSeenAt] index within one contact. */
export function indexOrder(a: Pick<Interaction, 'firstSeenAt' | 'id'>, b: Pick<Interaction, 'firstSeenAt' | 'id'>): number {
  return a.firstSeenAt - b.firstSeenAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Accumulates a summary one interaction at a time, in any order. */
export class SummaryBuilder {
  private count = 0;
  private max: Severity = 0;
  private last: Pick<Interaction, 'firstSeenAt' | 'id' | 'status'> | undefined;
  private due: number | undefined;
  add(i: SummaryInput): void {
    this.count++;
    const due = followUpDueOf(i);
    if (due !== undefined && (this.due === undefined || due < this.due)) this.due = due;
    if (i.severity > this.max) this.max = i.severity;
    if (!this.last || indexOrder(i, this.last) > 0) this.last = { firstSeenAt: i.firstSeenAt, id: i.id, status: i.status };
  }
  get summary(): ContactSummary {
    return {
      interactionCount: this.count,
      ...(this.last ? { lastStatus: this.last.status } : {}),
      maxSeverity: this.max,
      ...(this.due !== undefined ? { followUpDue: this.due } : {}),
    };
  }
}

type SummaryInput = Pick<Interaction, 'firstSeenAt' | 'id' | 'status' | 'severity' | 'followUpAt' | 'followUpDone'>;

export function summaryOf(list: Iterable<SummaryInput>): ContactSummary {
  const b = new SummaryBuilder();
  for (const i of list) b.add(i);
  return b.summary;
}

/** The contact with `summary` in place of whatever summary it carried. */
export function withSummary(c: Contact, summary: ContactSummary): Contact {
  const { interactionCount: _c, lastStatus: _s, maxSeverity: _m, followUpDue: _f, ...rest } = c;
  return { ...rest, ...summary };
}

export function hasSummary(c: Contact): c is Contact & ContactSummary {
  return c.interactionCount !== undefined && c.maxSeverity !== undefined;
}

export function sameSummary(c: Contact, s: ContactSummary): boolean {
  return (
    c.interactionCount === s.interactionCount &&
    c.lastStatus === s.lastStatus &&
    c.maxSeverity === s.maxSeverity &&
    c.followUpDue === s.followUpDue
  );
}
