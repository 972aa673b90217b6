/**
 * npx tsx research/db/probe-first-paint.ts <build> [opens] [--profile]
 *
 * Where the popup's first paint waits (issue 22, branch query): opens popup.html on a profile
 * seeded with the bench's 100,000 interactions (seeded once per build folder, kept in
 * /tmp/fl-q/prof-<folder name>) and prints, per open, the moments that matter on the page's
 * clock (zero = navigation start): the popup script's first line, every IndexedDB request with
 * when it was made and answered, long tasks, first contentful paint and the first contact row.
 * --search types bench:db's queries from the first row on (the IndexedDB log then covers them).
 * --trace prints the last open's long tasks (trace-tasks.ts).
 * --profile adds a CPU profile of the last open (self time by function).
 */
import path from 'node:path';
import { launch, seededProfile } from './seeded-profile';
import { SEARCHES } from '../../bench/db/measure-db';
import { timeSearch } from '../../bench/db/page-timing';
import { stopTrace } from '../../bench/page/trace-collect';
import { printLongTasks } from './trace-tasks';
import { printSelfTimes, type CpuProfile } from './self-times';

/** Installed before the page's scripts: stamps every IndexedDB request and the first row. */
const WATCH = `(() => {
  const log = (window.__idb = []);
  window.__marks = {};
  const wrap = (proto, kind) => {
    for (const name of ['get', 'getAll', 'getAllKeys', 'getKey', 'count', 'openCursor', 'openKeyCursor', 'put', 'add', 'delete']) {
      const original = proto[name];
      if (!original) continue;
      proto[name] = function (...args) {
        const request = original.apply(this, args);
        const store = kind === 'index' ? this.objectStore.name + '.' + this.name : this.name;
        const entry = { what: name + ' ' + store + (args[1] !== undefined ? ' n=' + args[1] : ''), at: performance.now(), done: -1 };
        log.push(entry);
        request.addEventListener('success', () => { if (entry.done < 0) entry.done = performance.now(); });
        return request;
      };
    }
  };
  wrap(IDBObjectStore.prototype, 'store');
  wrap(IDBIndex.prototype, 'index');
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...args) {
    const request = open.apply(this, args);
    const entry = { what: 'open ' + args[0], at: performance.now(), done: -1 };
    log.push(entry);
    request.addEventListener('success', () => (entry.done = performance.now()));
    return request;
  };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) log.push({ what: 'longtask ' + e.duration.toFixed(0) + ' ms', at: e.startTime, done: e.startTime + e.duration }); }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__marks[e.name] = e.startTime; }).observe({ type: 'paint', buffered: true });
  const check = () => {
    if (!window.__marks.row && document.querySelector('li.contact-item')) window.__marks.row = performance.now();
    if (!window.__marks.gate && document.querySelector('.page-message')) window.__marks.gate = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})()`;

/**
 * --at-row: types bench:db's first query from inside the page in the very task the first row
 * appears (no polling delay; AT_ROW_DELAY=<ms> after it instead), and stamps when every row shown matches it: the worst case of
 * "the first query typed the moment the first row shows".
 */
const TYPE_AT_ROW = (query: string, delay: number) => `(() => {
  const query = ${JSON.stringify(query)};
  const delay = ${delay};
  const tokens = query.toLowerCase().split(/\\s+/).filter(Boolean);
  const matches = (li) => {
    const words = ((li.querySelector('.name')?.textContent ?? '') + ' ' + (li.querySelector('.handle')?.textContent ?? '')).toLowerCase().split(/[^\\p{L}\\p{N}]+/u);
    return tokens.every((t) => words.some((w) => w.startsWith(t)));
  };
  let typedAt = -1;
  new MutationObserver(() => {
    const rows = document.querySelectorAll('li.contact-item');
    const input = document.querySelector('input[aria-label="Search contacts"]');
    if (typedAt === -1 && rows.length && input) {
      typedAt = -2;
      const type = () => {
        typedAt = performance.now();
        window.__marks.typed = typedAt;
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, query);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      };
      if (delay > 0) setTimeout(type, delay);
      else type();
      return;
    }
    if (typedAt >= 0 && !window.__marks.answered && rows.length && Array.from(rows).every(matches)) window.__marks.answered = performance.now();
  }).observe(document, { childList: true, subtree: true, characterData: true });
})()`;

async function main(): Promise<void> {
  const [build, opensArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (!build) throw new Error('usage: probe-first-paint.ts <build> [opens] [--profile]');
  const ext = path.resolve(build);
  const profile = await seededProfile(ext);
  const { context, id } = await launch(ext, profile);
  try {
    const opens = Number(opensArg ?? 4);
    for (let n = 0; n < opens; n++) {
      const page = await context.newPage();
      await page.addInitScript(WATCH);
      const atRow = process.argv.includes('--at-row');
      if (atRow) await page.addInitScript(TYPE_AT_ROW(SEARCHES[0]!, Number(process.env.AT_ROW_DELAY ?? 0)));
      const last = n === opens - 1 && process.argv.includes('--profile');
      const cdp = last ? await context.newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
      }
      const tracing = n === opens - 1 && process.argv.includes('--trace') ? await context.newCDPSession(page) : null;
      if (tracing) {
        await tracing.send('Tracing.start', {
          transferMode: 'ReturnAsStream',
          traceConfig: {
            recordMode: 'recordContinuously',
            includedCategories: ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'v8', 'disabled-by-default-v8.compile', 'blink.user_timing', ...(process.env.NO_SAMPLES ? [] : ['disabled-by-default-v8.cpu_profiler', 'disabled-by-default-v8.cpu_profiler.hires'])],
          },
        });
      }
      await page.goto(`chrome-extension://${id}/popup.html`);
      await page.waitForSelector('li.contact-item');
      const typed: string[] = [];
      if (atRow) {
        for (const until = Date.now() + 30_000; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
          if (await page.evaluate('window.__marks.answered !== undefined')) break;
        }
        const m = (await page.evaluate('window.__marks')) as Record<string, number>;
        typed.push(`${SEARCHES[0]} at row ${m.typed?.toFixed(0)}: ${((m.answered ?? NaN) - (m.typed ?? NaN)).toFixed(0)} ms`);
      }
      if (process.argv.includes('--search')) {
        // As bench:db does: the realistic queries typed one after another from the first row on.
        for (const q of SEARCHES) {
          const at = (await page.evaluate('performance.now()')) as number;
          const { ms } = await timeSearch(page, q);
          typed.push(`${q} at ${at.toFixed(0)}: ${ms.toFixed(0)} ms`);
        }
      }
      await new Promise((r) => setTimeout(r, 300));
      const { idb, marks, nav } = (await page.evaluate(`({ idb: window.__idb, marks: window.__marks, nav: performance.getEntriesByType('navigation')[0].toJSON(), })`)) as {
        idb: Array<{ what: string; at: number; done: number }>;
        marks: Record<string, number>;
        nav: Record<string, number>;
      };
      const resources = (await page.evaluate(`performance.getEntriesByType('resource').map((r) => [r.name.split('/').pop(), r.startTime, r.responseEnd])`)) as Array<[string, number, number]>;
      console.log(`\nopen ${n + 1}: row ${marks.row?.toFixed(0)} ms, FCP ${marks['first-contentful-paint']?.toFixed(0)}, gate msg ${marks.gate?.toFixed(0)}, DOMContentLoaded ${nav.domContentLoadedEventEnd?.toFixed(0)}, responseEnd ${nav.responseEnd?.toFixed(0)}`);
      for (const [name, start, end] of resources) console.log(`  ${start.toFixed(0).padStart(5)} → ${end.toFixed(0).padStart(5)}  load ${name}`);
      if (typed.length) console.log('  typed: ' + typed.join('; '));
      for (const e of idb.sort((a, b) => a.at - b.at)) {
        if (!typed.length && e.at > (marks.row ?? 0) + 400) continue;
        console.log(`  ${e.at.toFixed(0).padStart(5)} → ${(e.done >= 0 ? e.done.toFixed(0) : '?').padStart(5)}  ${e.what}`);
      }
      if (tracing) printLongTasks(await stopTrace(tracing), 'popup.html', Number(process.env.MIN_TASK_MS ?? 15));
      if (cdp) {
        const { profile: cpu } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
        printSelfTimes(cpu, 30);
      }
      await page.close();
    }
  } finally {
    await context.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
