/** Prints each fill's verdict for the CheckList INV templates that change (round 12 diagnosis). */
import { detect } from '../../lib/detect/index';
import { INV_FILLERS, INV_TEMPLATES } from '../../test/unit/detect/checklist-cases';
for (const [group, fillers] of Object.entries(INV_FILLERS)) {
  for (const tpl of INV_TEMPLATES) {
    const rows = fillers.map((x) => { const t = tpl.replace('{X}', x).replace(/\s+/g, ' ').trim(); const v = detect(t); return `${v.complaint ? 'C' : 'n'}${v.severity} ${v.score.toFixed(3)} ${JSON.stringify(x)}`; });
    if (new Set(rows.map((r) => r.slice(0, 2))).size > 1) console.log(group, tpl, '\n   ', rows.join('\n    '));
  }
}
