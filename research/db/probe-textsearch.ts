/**
 * Developer probe (not part of bench:db): the popup's "In posts and notes" scan on the bench data
 * (20,000 contacts, 100,000 interactions) in real Chromium.
 *   FRONTLINE_EXTENSION=<build> npx tsx research/db/probe-textsearch.ts
 * - "name after pause": a word is typed, the agent pauses 300 ms (the text scan is running), then
 *   a name query is typed and timed as bench:db times it. Run it on a build without the text
 *   search for the baseline.
 * - "scan": a word found nowhere (the whole 20,000-interaction cap is scanned) and a common one,
 *   timed until the section settles, with the longest main-thread task seen meanwhile.
 */
import { launchWithExtension } from '../../test/e2e/harness/browser';
import { seedDatabase } from '../../bench/db/seed';
import { timeSearch } from '../../bench/db/page-timing';

const NAMES = ['nadia pa', 'okafor', 'mei ng', 'kwame', 'ivanlind'];
const ROUNDS = Number(process.env.ROUNDS ?? 3);

async function main() {
  const b = await launchWithExtension({ extensionPath: process.env.FRONTLINE_EXTENSION ?? '.output/chrome-mv3' });
  try {
    const url = `chrome-extension://${b.extensionId}/popup.html`;
    const first = await b.context.newPage();
    await first.goto(url);
    await first.waitForSelector('.empty h2');
    await first.goto(`chrome-extension://${b.extensionId}/manifest.json`);
    await seedDatabase(first, { contacts: 20_000, interactions: 100_000 });
    await first.close();
    const page = await b.context.newPage();
    await page.goto(url);
    await page.waitForSelector('li.contact-item');
    await page.evaluate(`(() => {
      globalThis.__longest = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) globalThis.__longest = Math.max(globalThis.__longest, e.duration); })
        .observe({ type: 'longtask', buffered: false });
    })()`);
    const type = (q: string) =>
      page.evaluate(`(() => {
        const input = document.querySelector('input[aria-label="Search contacts"]');
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, ${JSON.stringify(q)});
        input.dispatchEvent(new Event('input', { bubbles: true }));
      })()`);
    await timeSearch(page, 'zzz');
    for (let round = 0; round < ROUNDS; round++) {
      const times: string[] = [];
      for (const q of NAMES) {
        await type('qqxyz');
        await page.waitForTimeout(300);
        times.push((await timeSearch(page, q)).ms.toFixed(0));
      }
      console.log(`name after pause, round ${round + 1}: ${times.join(' ')} ms`);
    }
    for (const q of ['qqxyz', 'refund', 'qqxyw', 'charged twice']) {
      await type('');
      await page.waitForTimeout(300);
      await page.evaluate('globalThis.__longest = 0');
      // Typed and polled inside the page (its CSP refuses waitForFunction's string eval).
      const ms = (await page.evaluate(`new Promise((resolve) => {
        const input = document.querySelector('input[aria-label="Search contacts"]');
        const started = performance.now();
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, ${JSON.stringify(q)});
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const timer = setInterval(() => {
          const title = [...document.querySelectorAll('li.section-title')].find((li) => li.textContent.startsWith('In posts and notes'));
          if (title && !title.textContent.includes('Searching')) { clearInterval(timer); resolve(performance.now() - started); }
          else if (performance.now() - started > 60000) { clearInterval(timer); resolve(-1); }
        }, 5);
      })`)) as number;
      const settled = ms >= 0;
      const rows = await page.locator('li.text-match-item').count();
      const longest = (await page.evaluate('globalThis.__longest')) as number;
      console.log(`scan "${q}": ${settled ? `${ms.toFixed(0)} ms` : 'no section'} (incl. the 250 ms pause), ${rows} rows, longest task ${longest.toFixed(0)} ms`);
    }
  } finally {
    await b.close();
  }
}

void main();
