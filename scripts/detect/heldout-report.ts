/**
 * Figures of the shipped detector (detect() with lib/detect/weights.json) on the held-out blog and
 * forum comments of heldout-blog.ts. Report only: nothing here feeds training or a setting.
 */
import { detect } from '../../lib/detect/index';
import { HELDOUT_BLOG_COMPLAINTS, HELDOUT_BLOG_NOT_COMPLAINTS } from './heldout-blog';
import { macroF1, withinOne } from './metrics';

export interface HeldoutFigures { macroF1: number; recall: number; falseAlarms: number; sevMacroF1: number; sevWithinOne: number; lines: string[] }

export function heldoutFigures(): HeldoutFigures {
  const rows = [
    ...HELDOUT_BLOG_COMPLAINTS.map(([text, level]) => ({ text, y: 1, level: level as number })),
    ...HELDOUT_BLOG_NOT_COMPLAINTS.map((text) => ({ text, y: 0, level: 0 })),
  ];
  const verdicts = rows.map((r) => detect(r.text));
  const ys = rows.map((r) => r.y), ps = verdicts.map((v) => (v.complaint ? 1 : 0));
  // Severity is read on every complaint (a missed one counts as level 1, what the helper would show on a manual flag).
  const sevIdx = rows.map((r, i) => (r.y === 1 ? i : -1)).filter((i) => i >= 0);
  const levelOf = (i: number) => (verdicts[i]!.complaint ? verdicts[i]!.severity : 1);
  const lines = rows.map((r, i) => ({ r, v: verdicts[i]! }))
    .filter(({ r, v }) => (v.complaint ? 1 : 0) !== r.y)
    .map(({ r, v }) => `${r.y ? 'missed' : 'false alarm'} (${v.score.toFixed(2)}): ${r.text}`);
  return {
    macroF1: macroF1(ys, ps, [0, 1]),
    recall: sevIdx.filter((i) => ps[i] === 1).length / sevIdx.length,
    falseAlarms: ps.filter((p, i) => p === 1 && ys[i] === 0).length,
    sevMacroF1: macroF1(sevIdx.map((i) => rows[i]!.level), sevIdx.map(levelOf), [1, 2, 3, 4]),
    sevWithinOne: withinOne(sevIdx.map((i) => rows[i]!.level), sevIdx.map(levelOf)),
    lines,
  };
}

export function heldoutReport(): string[] {
  const f = heldoutFigures();
  const pct = (v: number) => (100 * v).toFixed(1);
  return [
    `complaint macro-F1 ${pct(f.macroF1)}, recall ${pct(f.recall)} (${HELDOUT_BLOG_COMPLAINTS.length} complaints), ` +
      `false alarms ${f.falseAlarms}/${HELDOUT_BLOG_NOT_COMPLAINTS.length}; severity macro-F1 ${pct(f.sevMacroF1)}, within-one ${pct(f.sevWithinOne)}`,
    ...f.lines,
  ];
}
