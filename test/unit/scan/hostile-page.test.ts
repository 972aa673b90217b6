// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { createScanner } from '../../../lib/scan';
import { article, articleAdapter, collector, manualSchedule, settle } from './scan-fixture';

it('keeps the MutationObserver and IntersectionObserver captured at load when the page replaces them', async () => {
  const g = globalThis as Record<string, unknown>;
  const realMO = g.MutationObserver;
  const realIO = g.IntersectionObserver;
  const hostile = class {
    constructor() {
      throw new Error('page wrapper');
    }
  };
  g.MutationObserver = hostile;
  g.IntersectionObserver = hostile;
  const sched = manualSchedule();
  const reader = articleAdapter();
  const out = collector();
  const scanner = createScanner({ doc: document, adapter: reader.adapter, onPosts: out.onPosts, schedule: sched.schedule });
  try {
    document.body.append(article(document, 'before'));
    scanner.start();
    sched.runAll();
    document.body.append(article(document, 'after'));
    await settle();
    sched.runAll();
  } finally {
    scanner.stop();
    g.MutationObserver = realMO;
    g.IntersectionObserver = realIO;
    document.body.replaceChildren();
  }
  expect(out.ids()).toEqual(['before', 'after']);
});
