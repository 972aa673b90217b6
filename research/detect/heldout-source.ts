/**
 * Round 11: the held-out lists' severity (never tuned on) read as the product reads them (no
 * source hint: blog, forum and review comments) and, for comparison, as if each were a post from
 * a short-form social site (DetectOptions.source 'social': the gate fixed to social). Report only.
 * Run: npx tsx research/detect/heldout-source.ts
 */
import { detect } from '../../lib/detect/index';
import { HELDOUT_LISTS } from '../../scripts/detect/heldout-report';
import { macroF1, withinOne } from '../../scripts/detect/metrics';

const pct = (v: number) => (100 * v).toFixed(1);
for (const list of HELDOUT_LISTS) {
  const ys = list.complaints.map(([, level]) => level as number);
  // As heldout-report.ts: a missed complaint counts as level 1.
  const read = (source?: 'social') => list.complaints.map(([text]) => {
    const v = detect(text, source ? { source } : {});
    return v.complaint ? v.severity : 1;
  });
  const plain = read(), social = read('social');
  const changed = plain.filter((p, i) => p !== social[i]).length;
  console.log(`${list.name}: no hint ${pct(macroF1(ys, plain, [1, 2, 3, 4]))} / ${pct(withinOne(ys, plain))}; ` +
    `source 'social' ${pct(macroF1(ys, social, [1, 2, 3, 4]))} / ${pct(withinOne(ys, social))}; ${changed} of ${ys.length} levels change`);
  list.complaints.forEach(([text, level], i) => {
    if (plain[i] !== social[i]) console.log(`  [${level}] ${plain[i]} -> ${social[i]}  ${text.slice(0, 90)}`);
  });
}
