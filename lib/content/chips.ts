import { POST_ATTR, SEVERITY_LABELS } from './marks';
import type { FlaggedPost, OverlayStore } from './store';

/** The element currently showing this post (X recycles nodes, so the remembered one may hold another post now). */
export function elementFor(item: FlaggedPost, doc: Document): Element | null {
  if (item.el?.isConnected && item.el.getAttribute(POST_ATTR) === item.post.id) return item.el;
  return doc.querySelector(`[${POST_ATTR}="${CSS.escape(item.post.id)}"]`);
}

const CHIP_OFFSET_X = 240;
const CHIP_OFFSET_Y = 8;

/**
 * One "Reply as support" button per visible flagged post, at the post's top-right corner in
 * document coordinates. Plain DOM, not React: every page with a flagged post shows chips, and
 * React's evaluation alone cost more than all the chips together. Work follows what changes,
 * never the number of posts seen: each new flagged element is observed once; positions come
 * from IntersectionObserver entries (no forced layout); only visible posts are re-measured, once
 * per scroll pause; elements that leave the page are unobserved.
 */
export function createChips(doc: Document, layer: HTMLElement, store: OverlayStore, onOpen: (postId: string) => void) {
  const win = doc.defaultView!;
  const shown = new Map<string, { button: HTMLButtonElement; el: Element; key: string; top: number; left: number }>();
  const observed = new WeakSet<Element>();
  let seenVersion = -1;
  // Document coordinates need the scroll offset, and reading it forces a layout whenever the page
  // changed since the last frame. So scroll events only mark it stale; it is read when a chip is
  // about to be placed (an IO callback runs right after a layout), at most once per callback,
  // and in the rAF that re-measures once scrolling pauses.
  const scroll = { x: 0, y: 0, stale: true };
  const freshScroll = () => {
    if (!scroll.stale) return;
    scroll.x = win.scrollX;
    scroll.y = win.scrollY;
    scroll.stale = false;
  };

  const place = (id: string, el: Element, rect: DOMRectReadOnly): void =>
    draw(id, el, rect.top + scroll.y + CHIP_OFFSET_Y, Math.max(8, rect.right + scroll.x - CHIP_OFFSET_X));

  const keyOf = (item: FlaggedPost) => `${item.verdict.severity}:${item.summary?.known ? item.summary.earlierInteractions : ''}`;

  const draw = (id: string, el: Element, top: number, left: number): void => {
    const item = store.get().flagged.get(id);
    if (!item) return hide(id);
    const sev = item.verdict.severity;
    const known = item.summary?.known ? item.summary.earlierInteractions : null;
    const key = keyOf(item);
    let chip = shown.get(id);
    if (!chip || chip.key !== key) {
      const button = drawChip(doc, sev, known, () => onOpen(id));
      // Replaced in place: tab order and "the first chip" stay those of the page.
      if (chip) chip.button.replaceWith(button);
      else layer.append(button);
      chip = { button, el, key, top, left };
      shown.set(id, chip);
    }
    chip.el = el;
    chip.top = top;
    chip.left = left;
    chip.button.style.top = `${top}px`;
    chip.button.style.left = `${left}px`;
  };

  const hide = (id: string): void => {
    shown.get(id)?.button.remove();
    shown.delete(id);
  };

  const observer = new win.IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        const id = e.target.getAttribute(POST_ATTR);
        if (!id) continue;
        if (e.isIntersecting) {
          freshScroll();
          place(id, e.target, e.boundingClientRect);
        }
        else {
          if (shown.get(id)?.el === e.target) hide(id);
          if (!e.target.isConnected) {
            observer.unobserve(e.target);
            observed.delete(e.target);
          }
        }
      }
    },
    { rootMargin: '200px 0px' },
  );

  // Layout can shift under a visible post (images load, X re-lays its timeline): re-measure once scrolling pauses.
  let timer = 0;
  const remeasure = () => {
    win.clearTimeout(timer);
    timer = win.setTimeout(() => {
      win.requestAnimationFrame(() => {
        scroll.stale = true;
        freshScroll();
        for (const [id, chip] of [...shown]) {
          if (chip.el.isConnected && chip.el.getAttribute(POST_ATTR) === id) place(id, chip.el, chip.el.getBoundingClientRect());
          else hide(id);
        }
      });
    }, 150);
  };
  const onScroll = () => {
    scroll.stale = true;
    remeasure();
  };
  win.addEventListener('scroll', onScroll, { passive: true });
  win.addEventListener('resize', remeasure, { passive: true });

  const watch = (items: Iterable<FlaggedPost>) => {
    for (const item of items) {
      const el = item.el;
      if (el && el.isConnected && !observed.has(el)) {
        observed.add(el);
        observer.observe(el);
      }
    }
  };
  const sync = () => {
    const { flagged, version } = store.get();
    if (version === seenVersion) return;
    seenVersion = version;
    // A summary arrived (returning customer) or the page was reset: redraw what is shown.
    for (const [id, chip] of [...shown]) {
      const item = flagged.get(id);
      if (!item) hide(id);
      else if (chip.key !== keyOf(item)) draw(id, chip.el, chip.top, chip.left);
    }
  };
  const unsubscribe = store.subscribe(sync);
  const unsubscribeFlagged = store.subscribeFlagged(watch);
  watch(store.get().flagged.values());
  sync();

  return {
    stop() {
      unsubscribe();
      unsubscribeFlagged();
      observer.disconnect();
      win.clearTimeout(timer);
      win.removeEventListener('scroll', onScroll);
      win.removeEventListener('resize', remeasure);
      for (const id of [...shown.keys()]) hide(id);
    },
  };
}

function drawChip(doc: Document, sev: number, earlier: number | null, onClick: () => void): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = `fl-chip fl-sev-${sev}`;
  button.setAttribute('aria-label', 'Reply as support');
  button.title = `${SEVERITY_LABELS[sev as 0]}${earlier !== null ? ` · returning customer (${earlier} earlier)` : ''}`;
  const dot = doc.createElement('span');
  dot.className = 'fl-chip-dot';
  dot.setAttribute('aria-hidden', 'true');
  button.append(dot, 'Reply as support');
  if (earlier !== null) {
    const badge = doc.createElement('span');
    badge.className = 'fl-chip-badge';
    badge.setAttribute('aria-hidden', 'true');
    badge.textContent = `↺ ${earlier}`;
    button.append(badge);
  }
  button.addEventListener('click', onClick);
  return button;
}
