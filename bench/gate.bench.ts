/**
 * npm run bench:gate — what the generic reader's gate costs on a long article without
 * comments (the common case on the open web), against a baseline measured in the same run:
 * one `getElementsByTagName('*')` pass over the same document, the cheapest look at every
 * element. CPU time per call, median of 300 calls, happy-dom's query cache defeated by a
 * change before each call (a page being read keeps changing).
 *
 * The unit test keeps only a wide bound; this is where the figure is watched. The real
 * Chromium figure of the whole gate script is printed by test/e2e/gate.e2e.ts.
 */
import { readFileSync } from 'node:fs';
import { inertWindow } from '../scripts/sites/extract-page';
import { decodePage } from '../lib/sites/decode';
import { genericAdapter } from '../lib/sites/generic';

const RUNS = 300;
const ARTICLE = 'test/fixtures/sites/generic/no-comments-long-article.html';
const GOAL_MICROS = 1000;

function load(): Document {
  const window = inertWindow('https://blog.example.net/sourdough');
  window.document.write(decodePage(readFileSync(ARTICLE)));
  return window.document as unknown as Document;
}

function medianMicros(doc: Document, fn: () => unknown): number {
  const micros: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    doc.body.appendChild(doc.createTextNode(' '));
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    micros.push(used.user + used.system);
  }
  micros.sort((a, b) => a - b);
  return micros[RUNS >> 1]!;
}

const doc = load();
const elements = doc.getElementsByTagName('*').length;
// Warm both paths once so neither pays for the first compile.
genericAdapter.findPosts(doc);
const baseline = medianMicros(doc, () => doc.getElementsByTagName('*').length);
const gate = medianMicros(doc, () => genericAdapter.findPosts(doc));

console.log(`generic gate on a ${elements}-element article without comments (median of ${RUNS}, CPU µs)`);
console.log(`  baseline: one pass over every element   ${baseline} µs`);
console.log(`  gate: genericAdapter.findPosts           ${gate} µs   (${(gate / Math.max(1, baseline)).toFixed(2)}× baseline)`);
console.log(`${gate < GOAL_MICROS ? 'ok' : 'OVER GOAL'}  gate under ${GOAL_MICROS} µs`);
