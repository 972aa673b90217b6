/**
 * Figures of the shipped detector (detect() with lib/detect/weights.json) on the held-out blog and
 * forum comments of heldout-blog.ts. Report only: nothing here feeds training or a setting.
 */
import { detect } from '../../lib/detect/index';
import { HELDOUT_BLOG_COMPLAINTS, HELDOUT_BLOG_NOT_COMPLAINTS } from './heldout-blog';
import { HELDOUT_FORUM_COMPLAINTS, HELDOUT_FORUM_NOT_COMPLAINTS } from './heldout-forum';
import { HELDOUT_THIRD_COMPLAINTS, HELDOUT_THIRD_NOT_COMPLAINTS } from './heldout-third';

type Complaints = ReadonlyArray<readonly [string, 1 | 2 | 3 | 4]>;
export const HELDOUT_LISTS: ReadonlyArray<{ name: string; complaints: Complaints; notComplaints: readonly string[] }> = [
  { name: 'blog list (round 5)', complaints: HELDOUT_BLOG_COMPLAINTS, notComplaints: HELDOUT_BLOG_NOT_COMPLAINTS },
  { name: 'forum list (round 6)', complaints: HELDOUT_FORUM_COMPLAINTS, notComplaints: HELDOUT_FORUM_NOT_COMPLAINTS },
  { name: 'third list (round 7)', complaints: HELDOUT_THIRD_COMPLAINTS, notComplaints: HELDOUT_THIRD_NOT_COMPLAINTS },
];
import { macroF1, withinOne } from './metrics';

export interface HeldoutFigures { macroF1: number; recall: number; falseAlarms: number; sevMacroF1: number; sevWithinOne: number; lines: string[] }

export function heldoutFigures(complaints: Complaints = HELDOUT_BLOG_COMPLAINTS, notComplaints: readonly string[] = HELDOUT_BLOG_NOT_COMPLAINTS): HeldoutFigures {
  const rows = [
    ...complaints.map(([text, level]) => ({ text, y: 1, level: level as number })),
    ...notComplaints.map((text) => ({ text, y: 0, level: 0 })),
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
  const pct = (v: number) => (100 * v).toFixed(1);
  return HELDOUT_LISTS.flatMap((list) => {
    const f = heldoutFigures(list.complaints, list.notComplaints);
    return [
      `${list.name}: complaint macro-F1 ${pct(f.macroF1)}, recall ${pct(f.recall)} (${list.complaints.length} complaints), ` +
        `false alarms ${f.falseAlarms}/${list.notComplaints.length}; severity macro-F1 ${pct(f.sevMacroF1)}, within-one ${pct(f.sevWithinOne)}`,
      ...(process.env.HELDOUT_LINES === '1' ? f.lines : []),
    ];
  });
}
