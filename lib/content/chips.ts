import { describeTriage, triageOf } from '../detect/triage';
import { POST_ATTR, SEVERITY_ATTR, SEVERITY_LABELS } from './marks';
import { chipLeft, chipOnScreen, edgeCovers, marginLeft, marginTested, placeChip, type Box, type EdgeCovers } from './chip-placement';
import type { FlaggedPost, OverlayStore } from './store';
import { createRectProbe, type ProbeResult } from './rect-probe';

/** The element currently showing this post (X recycles nodes, so the remembered one may hold another post now). */
export function elementFor(item: FlaggedPost, doc: Document): Element | null {
  if (item.el?.isConnected && item.el.getAttribute(POST_ATTR) === item.post.id) return item.el;
  return doc.querySelector(`[${POST_ATTR}="${CSS.escape(item.post.id)}"]`);
}

/**
 * The flagged elements a pass looks at: the newest this many. A flood of flagged posts must not
 * make every pass longer (hit-testing the viewport instead was tried: each probe cost more than
 * these rect reads).
 */
const MAX_CANDIDATES = 400;
/** The candidates are checked for posts gone from the page at most this often (and whenever over MAX_CANDIDATES). */
const PRUNE_EVERY_MS = 5_000;
/** Quiet time after the last scroll before chips are placed again. */
const SCROLL_PAUSE_MS = 150;
/** Posts whose remembered place lies within this distance of the viewport are measured afresh. */
const NEAR_PX = 1_500;
/** New flagged posts arrive every slice on a busy page: one pass for them at most this often. */
const MIN_PASS_GAP_MS = 500;
/**
 * The chips' per-second budget (issue 18): after a pass that took t ms, the next waits at least
 * t × this, so placing chips never takes more than 1/20 of the main thread, however slow the page
 * makes a pass (its hit tests and rect reads on a page of 50,000 comments).
 */
const PASS_GAP_PER_MS = 20;
/** New flagged posts measured (asked of the probe) per pass; more wait for the next pass. */
const MAX_NEW_PER_PASS = 100;
/**
 * The page's sticky and fixed layers barely move: found again at most this often. A hit test cost
 * 7–10 ms on the 2,000-comment blog, so one per pass was most of the chips' cost.
 */
const COVERS_TTL_MS = 5_000;
/** How close to the viewport's top or bottom edge a chip must be for a sticky layer to matter. */
const EDGE_BAND_PX = 200;
/**
 * A hit test over a list walks the list's children one by one (Blink keeps no index of a block's
 * children): inside a list of 50,000 comments one cost 20–185 ms (the 104–136 ms tasks of ours
 * bench:page and the flood probe traced to marginLeft's hit tests). A post among more siblings than
 * this gets its chip without hit tests: inside its top-right corner, against the edge layers already
 * known. An X timeline (120 cells) stays well under it; a blog's 2,000 comments are over it (a hit
 * test there cost 3.5–10 ms), and so are their threaded replies (BIG_LIST_LEVELS).
 */
const BIG_LIST_CHILDREN = 1_000;
/** How many ancestors of a post are looked at for a big list: a reply's list, its thread, the comments' list. */
const BIG_LIST_LEVELS = 3;
/**
 * Whatever the structure, a hit test that took this long says the page makes them dear (a typical
 * one costs 0.1–0.3 ms, 7–10 ms on a 2,000-comment blog; one over a list of 50,000 cost 20–185 ms):
 * the chips make no more hit tests on this page. High enough that a loaded machine's slow moment
 * does not take the margin and the sticky-header check from an ordinary page.
 */
const DEAR_HIT_TEST_MS = 30;

/**
 * One "Reply as support" button per flagged post in view, at the post's top-right corner in
 * document coordinates (so the page scrolls them with the compositor, no work of ours per frame).
 * Plain DOM, not React. What the page feels (issue 18):
 * - no observer kept per flagged post (an IntersectionObserver on 250 posts cost ~0.5 s of the
 *   page's frames on a 2,000-comment blog while scrolling): which posts are in view is asked once
 *   per scroll pause (or per half second of new flagged posts) of a one-shot observer
 *   (rect-probe.ts), which answers from the next frame's layout: the pass reads no rect and no
 *   scroll offset, so it forces no layout; hit tests, only where a post's margin or the edge
 *   layers are not known yet, come after that frame, and all reads come before all writes;
 * - chips for posts in view only (a flood of 50,000 flagged posts shows a screenful);
 * - the layer is contained and composited on its own, and chips move by transform: adding,
 *   moving or removing one lays out and paints nothing of the page;
 * - a chip never sits over the page's own sticky or fixed header (placeChip).
 */
export function createChips(doc: Document, layer: HTMLElement, store: OverlayStore, onOpen: (postId: string) => void) {
  const win = doc.defaultView!;
  const shown = new Map<string, { button: HTMLButtonElement; el: Element; key: string; transform?: string }>();
  // Flagged elements in the order we learnt of them; pruned of detached ones at each pass.
  let candidates: Element[] = [];
  const known = new WeakSet<Element>();
  let seenVersion = -1;
  let inOrder = true;
  const pageTop = new WeakMap<Element, number>();
  // A pass is started or its probe is out (its report comes after the next frame): other reasons wait for it.
  let passRunning = false;
  // New candidates left unmeasured by the last pass (MAX_NEW_PER_PASS): another pass follows.
  let morePending = false;
  const coversByColumn = new Map<number, EdgeCovers>();
  let [coversAt, coversWidth, coversHeight] = [-Infinity, 0, 0];
  // The edge layers found last, for chips placed without hit tests (none found yet: nothing covers).
  let lastCovers: EdgeCovers | null = null;
  // Boxes from a one-shot IntersectionObserver: computed after the next frame's layout, so the pass
  // reads no layout itself and its hit tests (if any) come after a frame; the writes that follow
  // are drawn in the next one.
  const probe = createRectProbe(layer);
  let cancelProbe: (() => void) | null = null;
  // Where the viewport was at the last report, in the layer's coordinates (none yet: only new posts are asked about).
  let view: { top: number; height: number } | null = null;
  let timer = 0;
  let stopped = false;

  // The chip is in the page's DOM: its priority is read from the post alone, never from our log
  // (a "comes back angrier" reason would tell the page this customer has history with us).
  const priorityOf = (item: FlaggedPost) => describeTriage(triageOf({ text: item.post.text, verdict: item.verdict }));
  // Triage reads the post's words: once per post and severity, not on every pass.
  const priorities = new WeakMap<FlaggedPost['verdict'], string>();
  const cachedPriority = (item: FlaggedPost) => {
    let p = priorities.get(item.verdict);
    if (p === undefined) priorities.set(item.verdict, (p = priorityOf(item)));
    return p;
  };
  const keyOf = (item: FlaggedPost) => `${item.verdict.severity}:${cachedPriority(item)}`;

  // Hit tests from the document retarget everything in our shadow root to its host.
  const ownHost = (layer.getRootNode() as ShadowRoot).host ?? null;
  const isOurs = (node: Element) => node === ownHost;

  /** Set once a hit test took over DEAR_HIT_TEST_MS: none are made on this page after that. */
  let hitTestsDear = false;
  /** The topmost page element at a viewport point (ours skipped), for placeChip. */
  const hitAt = (x: number, y: number): Element | null => {
    const started = win.performance.now();
    let top = doc.elementFromPoint(x, y);
    // One of our chips is there already: look under it (the longer list, only then).
    if (top && isOurs(top)) top = doc.elementsFromPoint(x, y).find((node) => !isOurs(node)) ?? null;
    if (win.performance.now() - started > DEAR_HIT_TEST_MS) hitTestsDear = true;
    return top;
  };

  /**
   * Whether a post sits in a list too long to hit-test over, as its parent's child or nested a
   * little deeper (a threaded reply: li > ol.children > li in a list of 2,000 comments, where a
   * hit test beside it walked the big list too, ~3.5 ms each). A list found long is kept so; a short
   * one is counted again, as lists grow: bench:flood's page, judged short in its first seconds, kept
   * being hit-tested over at 12,000 comments (a 111 ms task of ours, traced).
   */
  const bigLists = new WeakSet<Element>();
  const inBigList = (el: Element): boolean => {
    let n = el.parentElement;
    for (let level = 0; n && level < BIG_LIST_LEVELS; level++, n = n.parentElement) {
      if (bigLists.has(n)) return true;
      if (n.children.item(BIG_LIST_CHILDREN) !== null) {
        bigLists.add(n);
        return true;
      }
    }
    return false;
  };

  /**
   * Whether a post's chip goes in the margin, found by three hit tests and kept a while per post (at
   * the same viewport width and post edge): a pass over a still screen then hit-tests nothing, and
   * every hit test is a chance to pay for the page's pending style, layout and pre-paint (260–510 ms
   * on the 50,000-comment page after a mark was written).
   */
  const margins = new WeakMap<Element, { left: number | null; right: number; width: number; at: number }>();
  /**
   * Margin columns (by the posts' right edge) found free beside a post at all three points: another
   * post with the same right edge then needs one hit test, in the middle of its chip's row, not
   * three (a hit test beside the 2,000-comment blog's replies cost ~3.5 ms: 15 of the chips' ~40 ms).
   * What it misses: a page element narrower than half a chip that covers only the chip's ends beside
   * that one post.
   */
  const freeColumns = new Map<number, { width: number; at: number }>();
  const besideOf = (el: Element, rect: Box, width: number, height: number, t: number): number | null => {
    const known = margins.get(el);
    if (known && known.right === rect.right && known.width === width && t - known.at < COVERS_TTL_MS) return known.left;
    const column = freeColumns.get(rect.right);
    const middleOnly = !!column && column.width === width && t - column.at < COVERS_TTL_MS;
    const left = marginLeft(rect, el, { width, height }, hitAt, middleOnly);
    if (left !== null && !middleOnly) {
      if (freeColumns.size > 50) freeColumns.clear();
      freeColumns.set(rect.right, { width, at: t });
    }
    // A post whose top is off screen is not tested (marginLeft says null): nothing learnt to keep.
    if (left !== null || marginTested(rect, height)) margins.set(el, { left, right: rect.right, width, at: t });
    return left;
  };

  /**
   * What the pass knew of elements no longer among its candidates goes with them: the per-element
   * maps stay as small as the candidates (on a flood they held every flagged post of the page: ~0.5 MB
   * on the 50,000-comment page), and a dropped post flagged again (the page shows it again) is a
   * candidate again.
   */
  const forgetAllBut = (before: Element[], kept: Element[]): void => {
    const keep = new Set(kept);
    for (const el of before) {
      if (keep.has(el)) continue;
      known.delete(el);
      pageTop.delete(el);
      margins.delete(el);
    }
  };

  type Placed = Array<{ id: string; el: Element; left: number; top: number }>;

  /** A candidate that still shows a flagged post: in the page, still marked. */
  const stillFlagged = (el: Element) => el.isConnected && el.hasAttribute(SEVERITY_ATTR);

  /**
   * Drops detached and unflagged candidates, keeps the newest MAX_CANDIDATES; what was known of the
   * rest goes. Two DOM calls per candidate (~1 µs from our world): at most every PRUNE_EVERY_MS or
   * when over the cap, not every pass (11 ms of the chips' ~55 ms on the blog). Between prunes a
   * candidate gone from the page is skipped where it matters: among the posts in view.
   */
  let prunedAt = -Infinity;
  const prune = (): void => {
    const t = win.performance.now();
    if (candidates.length <= MAX_CANDIDATES && t - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = t;
    const before = candidates;
    candidates = candidates.filter(stillFlagged);
    if (candidates.length > MAX_CANDIDATES) candidates = candidates.slice(-MAX_CANDIDATES);
    if (candidates.length < before.length) forgetAllBut(before, candidates);
  };

  const sortIfNeeded = (): void => {
    if (inOrder) return;
    candidates.sort((a, b) => (pageTop.get(a) ?? Infinity) - (pageTop.get(b) ?? Infinity));
    inOrder = true;
  };

  /** Candidates whose remembered place (layer coordinates) lies within NEAR_PX of the viewport `[top, top + height)`. */
  const nearView = (top: number, height: number): Element[] => {
    sortIfNeeded();
    const from = top - NEAR_PX;
    const to = top + height + NEAR_PX;
    let lo = 0;
    let hi = candidates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((pageTop.get(candidates[mid]!) ?? Infinity) < from) lo = mid + 1;
      else hi = mid;
    }
    const near: Element[] = [];
    for (let i = lo; i < candidates.length && (pageTop.get(candidates[i]!) ?? Infinity) <= to; i++) near.push(candidates[i]!);
    return near;
  };

  /**
   * What a pass asks the probe for: the new candidates (at most MAX_NEW_PER_PASS; a flood's rest
   * waits for the next pass) and the known ones near where the viewport was at the last probe.
   */
  const targetsOfPass = (): Element[] => {
    const targets: Element[] = [];
    let fresh = 0;
    for (const el of candidates) {
      if (pageTop.has(el)) continue;
      if (fresh >= MAX_NEW_PER_PASS) {
        morePending = true;
        break;
      }
      fresh += 1;
      targets.push(el);
    }
    if (view) targets.push(...nearView(view.top, view.height));
    return targets;
  };

  /** Remembers each measured candidate's place down the page (layer coordinates); a moved one re-sorts. */
  const learnPlaces = ({ boxes, origin }: ProbeResult): void => {
    for (const [el, box] of boxes) {
      const top = box.top - origin.top;
      if (pageTop.get(el) === top) continue;
      pageTop.set(el, top);
      inOrder = false;
    }
  };

  /**
   * Chips for the posts in view, from boxes the probe reported (viewport coordinates, one frame's
   * layout) and hit tests made only where a post's margin or the edge layers are not known yet.
   */
  const place = ({ boxes, origin, viewport }: ProbeResult): Placed => {
    const { width, height } = viewport;
    const inView: Array<{ el: Element; rect: Box }> = [];
    for (const el of nearView(-origin.top, height)) {
      const rect = boxes.get(el);
      if (rect && rect.bottom > 0 && rect.top < height && rect.right > rect.left && stillFlagged(el)) inView.push({ el, rect });
    }
    const placed: Placed = [];
    // Two hit tests per column of chips (nearly always one column), not one per chip, and kept a while.
    const t = win.performance.now();
    if (t - coversAt > COVERS_TTL_MS || width !== coversWidth || height !== coversHeight) {
      coversByColumn.clear();
      [coversAt, coversWidth, coversHeight] = [t, width, height];
    }
    for (const { el, rect } of inView) {
      const id = el.getAttribute(POST_ATTR);
      if (!id || !store.get().flagged.has(id)) continue;
      // Headers and bars live at the edges: a chip well inside the viewport needs no hit test.
      // A chip off screen (its post's top scrolled above the viewport) is placed without them: the
      // margin is not tested for it either, so its column lies inside the post, and a hit test inside
      // a list of 50,000 comments walks the list (a 208 ms pass of ours in bench:page).
      const nearEdge = chipOnScreen(rect, height) && (rect.top < EDGE_BAND_PX || rect.top + EDGE_BAND_PX > height);
      // No hit test at all where one walks a huge list or has proved dear on this page: the chip
      // goes inside the post, against the edge layers found before (or none).
      const mayHitTest = !hitTestsDear && !inBigList(el);
      // The edges are tested in the column the chip is drawn in: in the margin when there is room
      // (a hit test there is cheap; one inside a list of 50,000 comments cost 20–70 ms).
      const beside = mayHitTest ? besideOf(el, rect, width, height, t) : null;
      const x = beside ?? chipLeft(rect);
      const column = Math.round(x / 50);
      let covers = nearEdge ? coversByColumn.get(column) : { top: 0, bottom: height };
      if (!covers && !mayHitTest) covers = lastCovers ?? { top: 0, bottom: height };
      if (!covers) coversByColumn.set(column, (covers = lastCovers = edgeCovers({ width, height }, x, hitAt)));
      const at = placeChip(rect, { height }, covers, beside ?? undefined);
      if (at) placed.push({ id, el, left: at.left - origin.left, top: at.top - origin.top });
    }
    return placed;
  };

  /** Writes only: chips for the placed posts, the rest removed. */
  const draw = (placed: Placed): void => {
    const keep = new Set<string>();
    for (const { id, el, left, top } of placed) {
      const item = store.get().flagged.get(id);
      if (!item) continue;
      keep.add(id);
      const key = keyOf(item);
      let chip = shown.get(id);
      if (!chip || chip.key !== key) {
        const button = drawChip(doc, item.verdict.severity, item.post.author, cachedPriority(item), () => onOpen(id));
        // Replaced in place: tab order and "the first chip" stay those of the page.
        // A keyboard user on the old chip stays on its replacement (e.g. back from the helper by Esc).
        if (chip) {
          const hadFocus = chip.button.matches(':focus');
          chip.button.replaceWith(button);
          replacements.set(chip.button, button);
          if (hadFocus) button.focus({ preventScroll: true });
        }
        else layer.append(button);
        chip = { button, el, key };
        shown.set(id, chip);
      }
      chip.el = el;
      const transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
      // Unchanged (a still screen, the next pass): not written again.
      if (chip.transform !== transform) chip.button.style.transform = chip.transform = transform;
    }
    for (const id of [...shown.keys()]) if (!keep.has(id)) hide(id);
    // Tab order follows the page: chips in the order of their posts from the top.
    const order = placed.filter((p) => keep.has(p.id)).sort((a, b) => a.top - b.top || a.left - b.left);
    // Moving an element drops its focus: a keyboard user on a chip that moves in the tab order stays on it.
    // Our shadow root's focused element: one read, not a :focus match per chip shown.
    const active = (layer.getRootNode() as Document | ShadowRoot).activeElement;
    const focused = active && active.parentElement === layer ? (active as HTMLElement) : null;
    let expected: Element | null = layer.firstElementChild;
    for (const { id } of order) {
      const button = shown.get(id)!.button;
      if (button !== expected) layer.insertBefore(button, expected);
      expected = button.nextElementSibling;
    }
    if (focused?.isConnected && !focused.matches(':focus')) focused.focus({ preventScroll: true });
  };

  const hide = (id: string): void => {
    shown.get(id)?.button.remove();
    shown.delete(id);
  };

  let lastPass = -Infinity;
  let passGap = MIN_PASS_GAP_MS;
  let passTimer = 0;
  let askAgain = false;
  /** Our JS spent on the pass now running (its rounds run in separate tasks, each after a frame). */
  let spent = 0;
  const timed = (fn: () => void): void => {
    const started = win.performance.now();
    fn();
    spent += win.performance.now() - started;
  };

  /**
   * The probe reported (after a frame: layout is the frame's, hit tests find it clean unless the
   * page changed it since). When the viewport had moved further than the posts asked about reach,
   * one more round asks about the posts near where it is now.
   */
  const onReport = (result: ProbeResult, round: number): void => {
    learnPlaces(result);
    const nowNear = nearView(-result.origin.top, result.viewport.height);
    view = { top: -result.origin.top, height: result.viewport.height };
    if (round === 1 && nowNear.some((el) => !result.boxes.has(el))) {
      cancelProbe = probe(nowNear, (again) => timed(() => onReport(again, 2)));
      return;
    }
    cancelProbe = null;
    passRunning = false;
    draw(place(result));
    passGap = Math.max(MIN_PASS_GAP_MS, spent * PASS_GAP_PER_MS);
    if (morePending || askAgain) requestPassSoon();
  };

  const pass = () => {
    if (stopped) return;
    askAgain = false;
    lastPass = win.performance.now();
    spent = 0;
    morePending = false;
    timed(() => {
      prune();
      cancelProbe = probe(targetsOfPass(), (result) => timed(() => onReport(result, 1)));
    });
  };

  /**
   * One pass, however many reasons arrive before it reports. It reads no layout itself: the probe's
   * report comes after the next frame.
   */
  const requestPass = () => {
    if (stopped) return;
    // Asked while a probe is out (new flagged posts it was not asked about): another pass follows its report.
    if (passRunning) askAgain = true;
    if (passRunning) return;
    passRunning = true;
    // At the end of this task: the flagged posts handed over together are asked about together.
    win.setTimeout(pass, 0);
  };

  /** New flagged posts or a scroll pause: a pass soon, but not more often than the budget allows. */
  const requestPassSoon = () => {
    if (passRunning) askAgain = true;
    if (passRunning || passTimer || stopped) return;
    const wait = lastPass + passGap - win.performance.now();
    if (wait <= 0) return requestPass();
    passTimer = win.setTimeout(() => {
      passTimer = 0;
      requestPass();
    }, wait);
  };

  // Chips scroll with the page; a pass after each pause picks up posts that came into view.
  // Scroll events come every frame while scrolling: each one only stamps the time (clearing and
  // setting a timer per event was 9 ms of the chips' ~45 ms on the blog); one timer checks for the pause.
  let lastScroll = 0;
  const afterPause = () => {
    const quiet = win.performance.now() - lastScroll;
    if (quiet < SCROLL_PAUSE_MS) timer = win.setTimeout(afterPause, SCROLL_PAUSE_MS - quiet);
    else {
      timer = 0;
      requestPassSoon();
    }
  };
  const onScroll = () => {
    lastScroll = win.performance.now();
    if (!timer) timer = win.setTimeout(afterPause, SCROLL_PAUSE_MS);
  };
  win.addEventListener('scroll', onScroll, { passive: true });
  win.addEventListener('resize', onScroll, { passive: true });

  const watch = (items: Iterable<FlaggedPost>) => {
    let fresh = false;
    for (const item of items) {
      const el = item.el;
      if (el && !known.has(el)) {
        known.add(el);
        candidates.push(el);
        inOrder = false;
        fresh = true;
      }
    }
    if (fresh) requestPassSoon();
  };
  const sync = () => {
    const { version } = store.get();
    if (version === seenVersion) return;
    seenVersion = version;
    // The page was reset or a verdict changed: the next pass redraws what is shown.
    if (shown.size > 0) requestPassSoon();
  };
  const unsubscribe = store.subscribe(sync);
  const unsubscribeFlagged = store.subscribeFlagged(watch);
  watch(store.get().flagged.values());
  sync();

  return {
    stop() {
      stopped = true;
      unsubscribe();
      unsubscribeFlagged();
      win.clearTimeout(timer);
      win.clearTimeout(passTimer);
      cancelProbe?.();
      win.removeEventListener('scroll', onScroll);
      win.removeEventListener('resize', onScroll);
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

/** A chip redrawn in place (its severity or priority changed) → the button that replaced it. */
const replacements = new WeakMap<Element, HTMLElement>();

/**
 * The chip now standing where `el` stood, if `el` was a chip redrawn since (else `el`): the helper
 * gives the keyboard back to the chip it was opened from even when that chip was redrawn meanwhile.
 */
export function currentChip<T extends Element>(el: T): T | HTMLElement {
  let now: T | HTMLElement = el;
  for (let next = replacements.get(now); next; next = replacements.get(now)) now = next;
  return now;
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
