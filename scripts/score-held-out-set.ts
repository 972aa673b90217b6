/**
 * One hand-made test set's scorecard, without touching the full scorer:
 *   npx tsx scripts/score-held-out-set.ts shapes11 [--posts]
 * Used to score a new held-out set blind on main's readers before any reader code changes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scoreSynthetic, SITE_FIXTURES } from './sites/score';
import { extractPosts } from './sites/extract-page';

const set = process.argv[2];
if (!set) throw new Error('usage: score-held-out-set.ts <set folder under test/fixtures/sites>');
const rows = scoreSynthetic(set);
console.log('| page | read / expected | right | what is wrong |');
console.log('|---|---|---|---|');
for (const s of rows) console.log(`| ${s.file} | ${s.read} / ${s.expected} | ${s.right} | ${s.misses.join('; ') || '–'} |`);
const extra = rows.reduce((a, s) => a + Math.max(0, s.read - s.expected), 0);
console.log(`\n${rows.filter((s) => s.misses.length === 0).length}/${rows.length} pages read right; ${rows.reduce((a, s) => a + s.right, 0)}/${rows.reduce((a, s) => a + s.expected, 0)} posts right; ${extra} read beyond the expected count`);

if (process.argv.includes('--posts')) {
  for (const s of rows) {
    const exp = JSON.parse(readFileSync(join(SITE_FIXTURES, set, s.file.replace(/\.html$/, '.expected.json')), 'utf8')) as { url: string };
    console.log(`\n## ${s.file}`);
    for (const p of extractPosts(readFileSync(join(SITE_FIXTURES, set, s.file)), new URL(exp.url)))
      console.log(`- ${p.author} | ${p.text.replace(/\s+/g, ' ').slice(0, 90)}${p.quoted ? ` | quoted: ${p.quoted.slice(0, 40)}` : ''}`);
  }
}
