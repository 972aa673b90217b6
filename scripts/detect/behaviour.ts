/**
 * Runs the CheckList lists of test/unit/detect/checklist-cases.ts against detect() and counts
 * failures per test type. test/unit/detect/checklist.test.ts holds them to failure budgets.
 */
import { detect } from '../../lib/detect/index';
import {
  CASE_VARIANTS, DIR_BASES, MFT_COMPLAINTS_DESPITE_THANKS, MFT_RESOLVED_PRAISE, DIR_ESCALATIONS, DIR_THANKS, INV_FILLERS, INV_TEMPLATES, MFT_COMPLAINTS, MFT_NOT_COMPLAINTS,
} from '../../test/unit/detect/checklist-cases';

export interface Outcome { type: 'MFT' | 'INV' | 'DIR'; name: string; cases: number; failures: string[] }

/** One set of CheckList lists: the tuning-era ones below, or a held-out set (heldout-checklist.ts). */
export interface ChecklistLists {
  complaints: readonly string[];
  notComplaints: readonly string[];
  resolvedPraise?: readonly string[];
  complaintsDespiteThanks?: readonly string[];
  templates: readonly string[];
  fillers: Record<string, readonly string[]>;
  dirBases: readonly string[];
  dirEscalations: readonly string[];
  dirThanks: readonly string[];
}

const CHECKLIST: ChecklistLists = {
  complaints: MFT_COMPLAINTS, notComplaints: MFT_NOT_COMPLAINTS, resolvedPraise: MFT_RESOLVED_PRAISE,
  complaintsDespiteThanks: MFT_COMPLAINTS_DESPITE_THANKS, templates: INV_TEMPLATES, fillers: INV_FILLERS,
  dirBases: DIR_BASES, dirEscalations: DIR_ESCALATIONS, dirThanks: DIR_THANKS,
};

const key = (t: string) => { const v = detect(t); return `${v.complaint ? 'complaint' : 'not'}/${v.severity}`; };

export function behaviourOutcomes(lists: ChecklistLists = CHECKLIST): Outcome[] {
  const out: Outcome[] = [];
  const { complaints, notComplaints, resolvedPraise, complaintsDespiteThanks, templates } = lists;
  out.push({ type: 'MFT', name: 'insults, accusations and grievances are complaints', cases: complaints.length,
    failures: complaints.filter((t) => !detect(t).complaint) });
  out.push({ type: 'MFT', name: 'thanks, plain questions and neutral mentions are not', cases: notComplaints.length,
    failures: notComplaints.filter((t) => detect(t).complaint) });
  if (resolvedPraise) out.push({ type: 'MFT', name: 'praise for a fixed problem is not a complaint', cases: resolvedPraise.length,
    failures: resolvedPraise.filter((t) => detect(t).complaint) });
  if (complaintsDespiteThanks) out.push({ type: 'MFT', name: 'a complaint that also thanks or mentions a fix is still one', cases: complaintsDespiteThanks.length,
    failures: complaintsDespiteThanks.filter((t) => !detect(t).complaint) });
  for (const [group, fillers] of Object.entries(lists.fillers)) {
    const failures = templates.filter((tpl) => {
      const keys = new Set(fillers.map((x) => key(tpl.replace('{X}', x).replace(/\s+/g, ' ').trim())));
      return keys.size > 1;
    });
    out.push({ type: 'INV', name: `${group} change no verdict`, cases: templates.length, failures });
  }
  const sentences = [...complaints, ...notComplaints, ...templates.map((t) => t.replace('{X}', 'Maria'))];
  out.push({ type: 'INV', name: 'letter case changes no verdict', cases: sentences.length,
    failures: sentences.filter((t) => new Set([key(t), ...CASE_VARIANTS.map((f) => key(f(t)))]).size > 1) });
  const esc: string[] = [];
  for (const base of lists.dirBases) {
    const s = detect(base).severity;
    for (const e of lists.dirEscalations) {
      for (const text of [`${base} ${e}`, `${e} ${base}`]) if (detect(text).severity < s) esc.push(text);
    }
  }
  out.push({ type: 'DIR', name: 'escalation, repetition, churn or a threat never lowers severity', cases: lists.dirBases.length * lists.dirEscalations.length * 2, failures: esc });
  const thanks: string[] = [];
  for (const base of lists.dirBases) {
    const s = detect(base).severity;
    for (const t of lists.dirThanks) if (detect(`${base} ${t}`).severity > s) thanks.push(`${base} ${t}`);
  }
  out.push({ type: 'DIR', name: 'thanks for a fix never raises severity', cases: lists.dirBases.length * lists.dirThanks.length, failures: thanks });
  return out;
}

export function behaviourReport(lists: ChecklistLists = CHECKLIST): string[] {
  const outcomes = behaviourOutcomes(lists);
  const lines = outcomes.map((o) => `${o.type} ${o.name}: ${o.failures.length}/${o.cases} fail`);
  for (const type of ['MFT', 'INV', 'DIR'] as const) {
    const of = outcomes.filter((o) => o.type === type);
    const f = of.reduce((a, o) => a + o.failures.length, 0), n = of.reduce((a, o) => a + o.cases, 0);
    lines.push(`${type} failure rate ${(100 * f / n).toFixed(1)}% (${f}/${n})`);
  }
  return lines;
}
