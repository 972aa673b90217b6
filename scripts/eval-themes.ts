/** `npx tsx scripts/eval-themes.ts [tune|held-out|all] [first|second|third]`: per-theme precision and recall of themesOf. */
import { themesOf, THEME_LABELS } from '../lib/model/themes';
import { evaluateThemes, type Split, type ThemeList } from './themes/evaluate';

const split = (process.argv[2] ?? 'held-out') as Split;
const list = (process.argv[3] ?? 'first') as ThemeList;
const r = evaluateThemes(themesOf, split, list);
const pct = (x: number) => (100 * x).toFixed(0).padStart(4);
console.log(`${list} list, ${split}: ${r.rows} sentences, ${r.themed} with a theme, ${r.untagged} of those untagged`);
console.log(`${'theme'.padEnd(28)} n  precision recall`);
for (const f of r.perTheme) console.log(`${THEME_LABELS[f.theme].padEnd(28)}${String(f.support).padStart(3)}  ${pct(f.precision)}    ${pct(f.recall)}`);
console.log(`${'all (micro)'.padEnd(28)}     ${pct(r.microPrecision)}    ${pct(r.microRecall)}`);
