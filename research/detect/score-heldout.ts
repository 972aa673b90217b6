/**
 * Scores research/detect/heldout-round3.ts through detect() with whatever weights ship in the
 * checkout it runs from (run it in a copy of main for main's figures).
 * npx tsx research/detect/score-heldout.ts
 */
import { detect } from '../../lib/detect/index';
import { HELDOUT_COMPLAINTS, HELDOUT_NOT_COMPLAINTS } from './heldout-round3';

const rows = [...HELDOUT_COMPLAINTS.map(([t, l]) => ({ t, y: 1, l })), ...HELDOUT_NOT_COMPLAINTS.map((t) => ({ t, y: 0, l: 0 }))];
let tp = 0, fp = 0, fn = 0, tn = 0, exact = 0, within = 0;
for (const r of rows) {
  const v = detect(r.t);
  if (v.complaint && r.y) tp++; else if (v.complaint) fp++; else if (r.y) fn++; else tn++;
  if (r.y) { if (v.severity === r.l) exact++; if (Math.abs((v.complaint ? v.severity : 1) - r.l) <= 1) within++; }
  if ((v.complaint ? 1 : 0) !== r.y || (r.y && v.severity !== r.l)) console.log(`${r.y ? `level ${r.l}` : 'not'} -> ${v.complaint ? `level ${v.severity}` : 'not'} (${v.score.toFixed(2)}): ${r.t}`);
}
const f1 = (a: number, b: number, c: number) => (2 * a) / (2 * a + b + c);
const n = HELDOUT_COMPLAINTS.length;
console.log(`held-out: complaint macro-F1 ${(50 * (f1(tp, fp, fn) + f1(tn, fn, fp))).toFixed(1)} (recall ${(100 * tp / n).toFixed(1)}, ` +
  `false alarms ${fp}/${HELDOUT_NOT_COMPLAINTS.length}); severity on flagged complaints exact ${exact}/${n}, within-one ${within}/${n}`);
