import { describeTriage, triageOf } from '../detect/triage';
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
 * from IntersectionObserver entries only (no layout reads at all); only visible posts are
 * re-measured, once per scroll pause; elements that leave the page are unobserved.
 */
export function createChips(doc: Document, layer: HTMLElement, store: OverlayStore, onOpen: (postId: string) => void) {
  const win = doc.defaultView!;
  const shown = new Map<string, { button: HTMLButtonElement; el: Element; key: string; top: number; left: number }>();
  const observed = new WeakSet<Element>();
  let seenVersion = -1;
  // Document coordinates need the scroll offset, and reading it (scrollY, getBoundingClientRect)
  // forces a layout whenever the page or our own marks changed since the last frame: 0.8 s on a
  // 2,000-comment blog. So nothing here reads layout. A 1 px sentinel sits at the document's
  // origin in our layer; the observer reports it in the same callback as the posts (observing a
  // target anew always yields an entry), and its rect is minus the scroll offset of that moment.
  const sentinel = doc.createElement('div');
  sentinel.style.cssText = 'position:absolute;top:0;left:0;width:1px;height:1px;pointer-events:none;visibility:hidden';
  layer.append(sentinel);

  const place = (id: string, el: Element, rect: DOMRectReadOnly, origin: DOMRectReadOnly): void =>
    draw(id, el, rect.top - origin.top + CHIP_OFFSET_Y, Math.max(8, rect.right - origin.left - CHIP_OFFSET_X));

  // The chip is in the page's DOM: its priority is read from the post alone, never from our log
  // (a "comes back angrier" reason would tell the page this customer has history with us).
  const priorityOf = (item: FlaggedPost) => describeTriage(triageOf({ text: item.post.text, verdict: item.verdict }));
  // Triage reads the post's words: once per post and severity, not on every scroll pause.
  const priorities = new WeakMap<FlaggedPost['verdict'], string>();
  const cachedPriority = (item: FlaggedPost) => {
    let p = priorities.get(item.verdict);
    if (p === undefined) priorities.set(item.verdict, (p = priorityOf(item)));
    return p;
  };
  const keyOf = (item: FlaggedPost) => `${item.verdict.severity}:${cachedPriority(item)}`;

  const draw = (id: string, el: Element, top: number, left: number): void => {
    const item = store.get().flagged.get(id);
    if (!item) return hide(id);
    const sev = item.verdict.severity;
    const key = keyOf(item);
    let chip = shown.get(id);
    if (!chip || chip.key !== key) {
      const button = drawChip(doc, sev, item.post.author, cachedPriority(item), () => onOpen(id));
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

  /** Measure these again, with the sentinel, in the observer's next round. */
  const measureAgain = (els: Iterable<Element>) => {
    observer.unobserve(sentinel);
    observer.observe(sentinel);
    for (const el of els) {
      observer.unobserve(el);
      observer.observe(el);
    }
  };

  const observer = new win.IntersectionObserver(
    (entries) => {
      const origin = entries.find((e) => e.target === sentinel)?.boundingClientRect;
      const unplaced: Element[] = [];
      for (const e of entries) {
        if (e.target === sentinel) continue;
        const id = e.target.getAttribute(POST_ATTR);
        if (!id) continue;
        if (e.isIntersecting) {
          if (origin) place(id, e.target, e.boundingClientRect, origin);
          else unplaced.push(e.target); // scrolled into view: no origin from this round
        } else {
          if (shown.get(id)?.el === e.target) hide(id);
          if (!e.target.isConnected) {
            observer.unobserve(e.target);
            observed.delete(e.target);
          }
        }
      }
      if (unplaced.length > 0) measureAgain(unplaced);
    },
    { rootMargin: '200px 0px' },
  );
  observer.observe(sentinel);

  // Layout can shift under a visible post (images load, X re-lays its timeline): re-measure once scrolling pauses.
  let timer = 0;
  const remeasure = () => {
    win.clearTimeout(timer);
    timer = win.setTimeout(() => {
      const again: Element[] = [];
      for (const [id, chip] of [...shown]) {
        if (chip.el.isConnected && chip.el.getAttribute(POST_ATTR) === id) again.push(chip.el);
        else hide(id);
      }
      if (again.length > 0) measureAgain(again);
    }, 150);
  };
  win.addEventListener('scroll', remeasure, { passive: true });
  win.addEventListener('resize', remeasure, { passive: true });

  const watch = (items: Iterable<FlaggedPost>) => {
    let fresh = false;
    for (const item of items) {
      const el = item.el;
      if (el && el.isConnected && !observed.has(el)) {
        observed.add(el);
        observer.observe(el);
        fresh = true;
      }
    }
    // The new posts' first entries come in the next round: the sentinel's must come with them.
    if (fresh) {
      observer.unobserve(sentinel);
      observer.observe(sentinel);
    }
  };
  const sync = () => {
    const { flagged, version } = store.get();
    if (version === seenVersion) return;
    seenVersion = version;
    // The page was reset or a verdict changed: redraw what is shown.
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
      sentinel.remove();
      win.removeEventListener('scroll', remeasure);
      win.removeEventListener('resize', remeasure);
      for (const id of [...shown.keys()]) hide(id);
    },
  };
}

/**
 * The chip's accessible name starts with "Reply as support" (the test contract) and says whose
 * post and how severe, so a screen-reader user moving between chips knows which is which. The
 * author's name is already on the page; nothing from our log goes into it.
 */
export function chipName(author: string, sev: number, priority = ''): string {
  const who = author.trim().slice(0, 80) || 'this customer';
  return `Reply as support to ${who}, severity ${sev}: ${SEVERITY_LABELS[sev as 0]}${priority ? `. ${priority}` : ''}`;
}

/** `priority` is the triage line ("Urgent: may leave"), empty for a normal post (lib/detect/triage.ts). */
function drawChip(doc: Document, sev: number, author: string, priority: string, onClick: () => void): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = `fl-chip fl-sev-${sev}`;
  button.setAttribute('aria-label', chipName(author, sev, priority));
  // The page can read the chip: nothing from our log (whether this customer has history with us) goes here.
  button.title = `${SEVERITY_LABELS[sev as 0]}${priority ? ` · ${priority}` : ''}`;
  const dot = doc.createElement('span');
  dot.className = 'fl-chip-dot';
  dot.setAttribute('aria-hidden', 'true');
  button.append(dot, 'Reply as support');
  // A click the page's script makes (chip.click()) is not the agent's: it must not open the
  // helper, which logs the customer as a contact.
  button.addEventListener('click', (event) => {
    if (event.isTrusted) onClick();
  });
  return button;
}
