import type { ScanAdapter, ScannedPost } from '../../../lib/scan';
import type { Post } from '../../../lib/types';

/** Manual scheduler: slices run only when the test says so, so every slice can be counted. */
export function manualSchedule() {
  let waiting: Array<() => void> = [];
  return {
    schedule: (cb: () => void) => {
      waiting[waiting.length] = cb;
    },
    get waiting() {
      return waiting.length;
    },
    /** Runs the slices scheduled so far, not the ones they schedule. */
    runOne(): number {
      const now = waiting;
      waiting = [];
      for (const cb of now) cb();
      return now.length;
    },
    /** Runs scheduled slices (and the slices they schedule) until none is left. */
    runAll(limit = 10_000): number {
      let ran = 0;
      while (waiting.length > 0) {
        if (ran >= limit) throw new Error('scheduler did not settle');
        const now = waiting;
        waiting = [];
        for (const cb of now) cb();
        ran += now.length;
      }
      return ran;
    },
  };
}

/** happy-dom delivers MutationObserver records asynchronously; a macrotask is enough to see them. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Posts are `<article data-id>`; the adapter counts its reads per element and per id. */
export function articleAdapter(options: { onRead?: (el: Element) => void; throwFor?: string } = {}) {
  const readsByEl = new Map<Element, number>();
  const readsById = new Map<string, number>();
  let reads = 0;
  const adapter: ScanAdapter = {
    // Same contract as the site adapters: the root itself counts when it is a post.
    findPosts: (root) => {
      const found: Element[] = Array.from(root.querySelectorAll('article'));
      if ((root as Element).nodeName === 'ARTICLE') found.unshift(root as Element);
      return found;
    },
    readPost(el): Post | null {
      reads += 1;
      readsByEl.set(el, (readsByEl.get(el) ?? 0) + 1);
      options.onRead?.(el);
      const id = el.getAttribute('data-id');
      if (!id) return null;
      readsById.set(id, (readsById.get(id) ?? 0) + 1);
      if (id === options.throwFor) throw new Error(`adapter broke on ${id}`);
      return {
        id,
        platform: 'generic',
        author: 'A Customer',
        handle: '',
        text: el.textContent ?? '',
        permalink: null,
        time: null,
      };
    },
  };
  return {
    adapter,
    readsByEl,
    readsById,
    get reads() {
      return reads;
    },
  };
}

export function article(doc: Document, id: string, text = `post ${id}`): HTMLElement {
  const el = doc.createElement('article');
  el.setAttribute('data-id', id);
  el.textContent = text;
  return el;
}

export function collector() {
  const batches: ScannedPost[][] = [];
  return {
    batches,
    onPosts: (batch: ScannedPost[]) => {
      batches[batches.length] = batch;
    },
    ids: () => batches.flat().map((b) => b.post.id),
    items: () => batches.flat(),
  };
}

/** An IntersectionObserver that reports only when the test calls `notify`, and remembers what it watches. */
export function fakeObserver() {
  const observed: Element[] = [];
  let callback: ((entries: IntersectionObserverEntry[]) => void) | null = null;
  class FakeIO {
    constructor(cb: (entries: IntersectionObserverEntry[]) => void) {
      callback = cb;
    }
    observe(el: Element) {
      observed[observed.length] = el;
    }
    unobserve() {}
    disconnect() {}
    takeRecords() {
      return [];
    }
  }
  return {
    IO: FakeIO as unknown as typeof IntersectionObserver,
    observed,
    notify: (entries: IntersectionObserverEntry[]) => callback?.(entries),
  };
}
