/**
 * The site readers' scorecard on every saved page (scripts/sites/score.ts):
 *   npm run --silent score:sites        (add --posts to print what was read on each page; --tuning leaves the held-out pages out)
 * Held-out pages are reported apart: they were never looked at while tuning.
 */
import { HELD_OUT, meetsTarget, scoreExpected, scoreSynthetic, scoreWild, SHAPES3, SHAPES4, SHAPES5, SHAPES6, SHAPES7, SHAPES8, SHAPES9, SHAPES10, SHAPES11, wildPages, type SyntheticScore, type WildScore } from './sites/score';

const pct = (x: number | null) => (x === null ? '   –' : `${(x * 100).toFixed(0).padStart(3)}%`);

function table(title: string, rows: WildScore[]): void {
  console.log(`\n## ${title}\n`);
  console.log('| engine | posts read / expected | recall | precision | authors on page | reader | ms | target |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const s of rows) {
    console.log(
      `| ${s.page.engine} | ${s.posts.length} / ${s.page.expectedPosts} | ${pct(s.recall)} | ${pct(s.precision)} | ${pct(s.authorsOnPage)} | ${s.platforms.join('+') || '–'} | ${s.ms.toFixed(0)} | ${meetsTarget(s) ? 'ok' : 'short'} |`,
    );
  }
  const forum = rows.filter((s) => s.recall !== null);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  console.log(
    `\n${rows.filter(meetsTarget).length}/${rows.length} meet the target; pages with 0 posts: ${rows.filter((s) => s.posts.length === 0).length}; ` +
      `count within 10%: ${rows.filter((s) => Math.abs(s.countRatio - 1) <= 0.1).length}/${rows.length}; ` +
      `mean recall ${pct(mean(forum.map((s) => s.recall!)))}, mean precision ${pct(mean(forum.map((s) => s.precision!)))} over ${forum.length} forum pages`,
  );
}

const showPosts = process.argv.includes('--posts');
/** While tuning: leave the held-out pages unread, so their figures stay a measure of unseen pages. */
const tuning = process.argv.includes('--tuning');
const pages = wildPages().filter((p) => !(tuning && p.heldOut));
const scores = pages.map((p) => scoreWild(p));
const genericScores = pages.map((p) => scoreWild(p, true));
table('Wild pages, tuned on', scores.filter((s) => !s.page.heldOut));
if (!tuning) table(`Wild pages, held out (${HELD_OUT.join(', ')})`, scores.filter((s) => s.page.heldOut));
table('Wild pages, tuned on, generic reader alone (every adapter off)', genericScores.filter((s) => !s.page.heldOut));

if (!tuning) table(`Wild pages, held out, generic reader alone (every adapter off)`, genericScores.filter((s) => s.page.heldOut));

function shapes(title: string, rows: SyntheticScore[]): void {
  console.log(`\n## ${title}\n`);
  console.log('| page | read / expected | right | what is wrong |');
  console.log('|---|---|---|---|');
  for (const s of rows) console.log(`| ${s.file} | ${s.read} / ${s.expected} | ${s.right} | ${s.misses.join('; ') || '–'} |`);
  const extra = rows.reduce((a, s) => a + Math.max(0, s.read - s.expected), 0);
  console.log(`\n${rows.filter((s) => s.misses.length === 0).length}/${rows.length} pages read right; ${rows.reduce((a, s) => a + s.right, 0)}/${rows.reduce((a, s) => a + s.expected, 0)} posts right; ${extra} read that are not posts`);
}
shapes('Second test set: hand-made pages of engines in other shapes (generic reader)', scoreSynthetic());
shapes('Third test set: community software beside blocks that look like posts (generic reader)', scoreSynthetic(SHAPES3));
if (!tuning) shapes('Fourth test set, held out: engines\' and comment widgets\' own markup (no adapter names them)', scoreSynthetic(SHAPES4));
if (!tuning) shapes('Fifth test set, held out: engines and themes no other set covers (written before the seventh pass)', scoreSynthetic(SHAPES5));
if (!tuning) shapes('Sixth test set, held out: engines and comment systems modelled on their public templates (written before the eighth pass)', scoreSynthetic(SHAPES6));
if (!tuning) shapes('Seventh test set, held out: forum and comment engines modelled on their public templates (written before the ninth pass)', scoreSynthetic(SHAPES7));
if (!tuning) shapes('Eighth test set, held out: forum, Q&A, review and comment engines no other set covers (written before the eleventh pass)', scoreSynthetic(SHAPES8));
if (!tuning) shapes('Ninth test set, held out: trackers, forums, Q&A, video, newsletter and review pages no other set covers (written before the twelfth pass)', scoreSynthetic(SHAPES9));
if (!tuning) shapes('Tenth test set, held out: trackers, Q&A, mailing-list archives, fediverse and blog comments no other set covers (written before the thirteenth pass)', scoreSynthetic(SHAPES10));
if (!tuning) shapes('Eleventh test set, held out: trackers, wikis, a course forum, hosted forums, a mailing group, shop reviews and blog comments no other set covers (written before the fourteenth pass)', scoreSynthetic(SHAPES11));

console.log('\n## Older fixtures with an expected reading\n');
console.log('| page | read / expected | matched in order | reader |');
console.log('|---|---|---|---|');
for (const e of scoreExpected()) console.log(`| ${e.file} | ${e.read} / ${e.expected} | ${e.matched} | ${e.platforms.join('+') || '–'} |`);

if (showPosts) {
  for (const s of process.argv.includes('--generic') ? genericScores : scores) {
    if (s.page.heldOut) continue; // never looked at: tuning on them would make their figures worthless
    console.log(`\n### ${s.page.engine}`);
    for (const p of s.posts) console.log(`- [${p.platform}] ${p.author} | ${p.text.slice(0, 100)}`);
  }
}
