/**
 * Runs the CheckList lists of test/unit/detect/checklist-cases.ts against detect() and counts
 * failures per test type. test/unit/detect/checklist.test.ts holds them to failure budgets.
 */
import { detect } from '../../lib/detect/index';
import {
  CASE_VARIANTS, DIR_BASES, MFT_COMPLAINTS_DESPITE_THANKS, MFT_RESOLVED_PRAISE, DIR_ESCALATIONS, DIR_THANKS, INV_FILLERS, INV_TEMPLATES, MFT_COMPLAINTS, MFT_NOT_COMPLAINTS,
} from '../../test/unit/detect/checklist-cases';

export interface Outcome { type: 'MFT' | 'INV' | 'DIR'; name: string; cases: number; failures: string[] }

const key = (t: string) => { const v = detect(t); return `${v.complaint ? 'complaint' : 'not'}/${v.severity}`; };

export function behaviourOutcomes(): Outcome[] {
  const out: Outcome[] = [];
  out.push({ type: 'MFT', name: 'insults, accusations and grievances are complaints', cases: MFT_COMPLAINTS.length,
    failures: MFT_COMPLAINTS.filter((t) => !detect(t).complaint) });
  out.push({ type: 'MFT', name: 'thanks, plain questions and neutral mentions are not', cases: MFT_NOT_COMPLAINTS.length,
    failures: MFT_NOT_COMPLAINTS.filter((t) => detect(t).complaint) });
  out.push({ type: 'MFT', name: 'praise for a fixed problem is not a complaint', cases: MFT_RESOLVED_PRAISE.length,
    failures: MFT_RESOLVED_PRAISE.filter((t) => detect(t).complaint) });
  out.push({ type: 'MFT', name: 'a complaint that also thanks or mentions a fix is still one', cases: MFT_COMPLAINTS_DESPITE_THANKS.length,
    failures: MFT_COMPLAINTS_DESPITE_THANKS.filter((t) => !detect(t).complaint) });
  for (const [group, fillers] of Object.entries(INV_FILLERS)) {
    const failures = INV_TEMPLATES.filter((tpl) => {
      const keys = new Set(fillers.map((x) => key(tpl.replace('{X}', x).replace(/\s+/g, ' ').trim())));
      return keys.size > 1;
    });
    out.push({ type: 'INV', name: `${group} change no verdict`, cases: INV_TEMPLATES.length, failures });
  }
  const sentences = [...MFT_COMPLAINTS, ...MFT_NOT_COMPLAINTS, ...INV_TEMPLATES.map((t) => t.replace('{X}', 'Maria'))];
  out.push({ type: 'INV', name: 'letter case changes no verdict', cases: sentences.length,
    failures: sentences.filter((t) => new Set([key(t), ...CASE_VARIANTS.map((f) => key(f(t)))]).size > 1) });
  const esc: string[] = [];
  for (const base of DIR_BASES) {
    const s = detect(base).severity;
    for (const e of DIR_ESCALATIONS) {
      for (const text of [`${base} ${e}`, `${e} ${base}`]) if (detect(text).severity < s) esc.push(text);
    }
  }
  out.push({ type: 'DIR', name: 'escalation, repetition, churn or a threat never lowers severity', cases: DIR_BASES.length * DIR_ESCALATIONS.length * 2, failures: esc });
  const thanks: string[] = [];
  for (const base of DIR_BASES) {
    const s = detect(base).severity;
    for (const t of DIR_THANKS) if (detect(`${base} ${t}`).severity > s) thanks.push(`${base} ${t}`);
  }
  out.push({ type: 'DIR', name: 'thanks for a fix never raises severity', cases: DIR_BASES.length * DIR_THANKS.length, failures: thanks });
  return out;
}

export function behaviourReport(): string[] {
  const outcomes = behaviourOutcomes();
  const lines = outcomes.map((o) => `${o.type} ${o.name}: ${o.failures.length}/${o.cases} fail`);
  for (const type of ['MFT', 'INV', 'DIR'] as const) {
    const of = outcomes.filter((o) => o.type === type);
    const f = of.reduce((a, o) => a + o.failures.length, 0), n = of.reduce((a, o) => a + o.cases, 0);
    lines.push(`${type} failure rate ${(100 * f / n).toFixed(1)}% (${f}/${n})`);
  }
  return lines;
}
