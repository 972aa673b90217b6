import type { SeenVerdict, Send } from '../messages';
import { packScoreItems, unpackScoreAnswer, type ScoreItem, type ScoreResult } from '../score-wire';
import { createRateBudget, createScanner, createSliceRunner, DEFAULT_RATE, nativeNow, type Scanner } from '../scan';
import type { LightRead, SiteAdapter } from '../sites/types';
import type { Post, Verdict } from '../types';
import { clipText, MESSAGE_TEXT_MAX } from './clip-post';
import { ensureMarkStyles, markNotRead, markPost } from './marks';
import { createFrameWrites } from './frame-writes';
import { createBatcher } from './post-batcher';
import { createScoreQueue } from './score-queue';
import type { FlaggedPost, OverlayStore } from './store';

export interface SessionOptions {
  doc: Document;
  adapter: SiteAdapter;
  store: OverlayStore;
  send: Send;
  /** How words reach the background's detector; default `cs→bg:score` through send (frontline.tsx passes the score port). */
  score?: (items: ScoreItem[]) => Promise<ScoreResult | null>;
  /** How flagged posts seen reach the background; default `cs→bg:posts-seen` through send (frontline.tsx passes the score port). */
  seen?: (items: Array<{ post: Post; verdict: SeenVerdict }>) => Promise<unknown>;
  isOwnNode: (node: Node) => boolean;
  /** The per-second share of reading and marking together; default the scanner's DEFAULT_RATE, null: no limit (tests that count, not time). */
  rate?: { perSecondMs: number; burstMs: number } | null;
}

/** A post read and sent to be scored; kept until its answer (one round trip). */
interface Waiting {
  el: Element;
  post: Post;
  item: ScoreItem;
  /** Batches this post was in that got no answer (an MV3 worker that stopped mid-batch). */
  tries: number;
}

/** A batch without an answer is asked again after this long, this many times in all. */
const RETRY_MS = 1_000;
/** A marking slice stops before this many milliseconds (one post always goes through). */
const MARK_SLICE_MS = 6;
/** Marks are written in one frame at most this often (frame-writes.ts: each write costs a style pass). */
const MARK_FLUSH_GAP_MS = 200;
const MAX_TRIES = 3;
/**
 * Score batches are gathered (score-queue.ts): one leaves when this many posts wait or the oldest
 * has waited this long. A post is marked up to this much later. Each message is a fixed cost in the
 * page's thread (the send, the answer's parse, a marking slice and its frame); a timeline that drops
 * cells ~300 ms after adding them (as X does, bench/page/timeline-page.ts) must still see them marked
 * while shown, so the wait is kept short.
 */
const SCORE_GATHER = { ms: 60, atLeast: 100 };
/**
 * Back-pressure (issue 18 item 3): once this many posts read are waiting to be scored or marked
 * (two batches: one in flight, one waiting), the scanner stops reading until they fall to
 * RESUME_READING_AT. On a flood the posts not yet read wait in the scanner's own queue, visible
 * first and capped (scanner.ts MAX_BACKLOG), instead of piling up here read, clipped and unscored.
 */
const HOLD_READING_AT = 1_000;
const RESUME_READING_AT = 500;
/** Posts sent to the background as seen, per message (CsPostsSeen allows 200): half the messages of 100. */
const SEEN_BATCH = 200;
/**
 * Verdicts kept for posts shown again (oldest dropped first): a post whose verdict was dropped is
 * scored again if the page shows it again, one round trip instead of a map that grows with every
 * post of a flood (issue 18). A 5,000-post timeline still fits.
 */
const MAX_VERDICTS = 6_000;
/**
 * Of them, flagged ones: a flagged verdict carries its cues (~100 bytes and 3 strings a post), and on
 * a flood every post is flagged (~0.6 MB for 6,000, issue 18). Twice the flagged posts the overlay
 * keeps (store.ts MAX_FLAGGED); the 625 of a 5,000-post timeline fit.
 */
const MAX_FLAGGED_VERDICTS = 1_000;

/**
 * One page's worth of work: scan → ask the background's detector → mark → tell the background
 * which flagged posts were seen (batched). The detector runs in the background (issue 18,
 * lib/background/score.ts), which also knows the agent's brand focus and corrections: this side
 * reads words and writes attributes, nothing else.
 */
export function startSession(opts: SessionOptions): { scanner: Scanner; stop(): void } {
  const { doc, store } = opts;
  let styled = false;
  // X recycles nodes: a post seen again in a new element is re-marked, not re-scored. Flagged
  // verdicts are kept (null: read, not ours): a 5,000-post timeline holds 5,000 entries.
  const verdicts = new Map<string, Verdict | null>();
  // Posts the detector would have flagged but that are in another language: read by nobody, marked so.
  const notRead = new Map<string, string>();
  // Post ids sent to be scored → further elements that showed the same post meanwhile.
  const asked = new Map<string, Element[]>();
  // The scanner knows the post each element showed when last read (Scanner.postShownBy): an answer
  // for a post the element no longer shows is not written. Set below; no answer comes before it is.
  let scanner: Scanner | null = null;
  const shows = (el: Element, id: string): boolean => scanner?.postShownBy(el) === id;
  // Flagged verdicts (with their cues, which the helper shows) among `verdicts`, oldest first.
  const flaggedKept = new Set<string>();
  /**
   * One per-second share of the main thread for reading posts (the scanner) and marking them (the
   * answers below), issue 18: marking had no budget, so a flood's answers were marked as fast as
   * they came, on top of the scanner's share. Marking is charged to it but does not wait for it
   * (spendOnly): the scanner, upstream, reads less instead.
   */
  const rate = opts.rate === undefined ? DEFAULT_RATE : opts.rate;
  const budget = rate ? createRateBudget({ ...rate, now: nativeNow }) : undefined;
  // Posts read and sent to be scored that are not yet marked, dropped or given up (back-pressure).
  let downstream = 0;
  const settled = (n: number): void => {
    downstream -= n;
    if (downstream < RESUME_READING_AT) scanner?.resume();
  };

  const batcher = createBatcher<{ post: Post; verdict: SeenVerdict }>({
    maxItems: SEEN_BATCH,
    send: (items) => {
      // The answer says only how many posts were refused: what we know of their authors never reaches this side.
      void (opts.seen ? opts.seen(items) : opts.send({ type: 'cs→bg:posts-seen', items })).catch(() => undefined);
    },
  });

  /**
   * Marks one element from its post's verdict: the full read of a flagged post now (the light read
   * it may reuse is only good in this task), the attribute writes in the next frame (frame-writes.ts),
   * and the chips hear of the flagged post once its mark is written.
   */
  const writes = createFrameWrites(doc, MARK_FLUSH_GAP_MS);
  let markedFlagged: FlaggedPost[] = [];
  writes.onFlushed(() => {
    if (markedFlagged.length === 0) return;
    const out = markedFlagged;
    markedFlagged = [];
    store.addFlagged(out);
  });
  const show = (el: Element, post: Post, verdict: Verdict | null, pageUrl: () => URL, light?: LightRead): void => {
    if (!shows(el, post.id) || !el.isConnected) return;
    let v = verdict;
    let full = post;
    if (v && opts.adapter.readLight) {
      // Flagged posts are read in full (author, link, time); the element must still show this post.
      // An adapter that can complete a light read keeps the words already read (and scored).
      const { adapter } = opts;
      const read = adapter.completeRead ? adapter.completeRead(el, pageUrl(), post) : adapter.readPost(el, pageUrl(), light);
      if (read?.id === post.id) full = read;
      else v = null;
    }
    const language = notRead.get(post.id) ?? null;
    const flagged = v ? { post: full, verdict: v, el } : null;
    if (v) batcher.push({ post: full, verdict: withoutCues(v) });
    // The read mark and the language at once: no style rule of ours or the page's looks at them, so
    // they cost no style pass (and a cell X removes 100 ms later was still marked while shown).
    markNotRead(el, language);
    if (!v) return markPost(el, post.id, null);
    markPost(el, post.id, null, true);
    writes.push(() => {
      // The element shows another post by now (X recycles cells): that post's own marks follow.
      if (!shows(el, post.id)) return;
      markPost(el, post.id, v);
      if (!flagged) return;
      if (!styled) {
        ensureMarkStyles(doc);
        styled = true;
      }
      markedFlagged.push(flagged);
    });
  };

  /**
   * The newest verdicts are the last dropped; past MAX_VERDICTS in all or MAX_FLAGGED_VERDICTS
   * flagged (each with its cues: a flood flags every post), the oldest go. A post whose verdict went
   * is scored again if the page shows it again.
   */
  const keep = (id: string, verdict: Verdict | null): void => {
    verdicts.delete(id);
    flaggedKept.delete(id);
    verdicts.set(id, verdict);
    if (verdict) flaggedKept.add(id);
    const drop = (old: string): void => {
      verdicts.delete(old);
      flaggedKept.delete(old);
      notRead.delete(old);
    };
    while (verdicts.size > MAX_VERDICTS) drop(verdicts.keys().next().value as string);
    while (flaggedKept.size > MAX_FLAGGED_VERDICTS) drop(flaggedKept.values().next().value as string);
  };

  const urlOnce = () => {
    let url: URL | null = null;
    return () => (url ??= new URL(doc.URL));
  };

  const scores = createScoreQueue<Waiting>({
    gather: SCORE_GATHER,
    ask:
      opts.score ??
      (async (items) => {
        const reply = await opts.send({ type: 'cs→bg:score', ...packScoreItems(items) });
        return reply.ok ? unpackScoreAnswer(reply) : null;
      }),
    // A post whose element left the page (or shows another post) while it waited is not scored:
    // it is read again if the page shows it again.
    stillWanted: (entry) => {
      if (entry.el.isConnected && shows(entry.el, entry.post.id)) return true;
      return (asked.get(entry.post.id) ?? []).some((el) => el.isConnected && shows(el, entry.post.id));
    },
    onDropped: (entry) => {
      asked.delete(entry.post.id);
      settled(1);
    },
    onScored: (entries, result) => {
      if (!result) return retryLater(entries);
      const byIndex = new Map<number, Verdict>();
      for (const f of result?.flagged ?? []) byIndex.set(f.index, f.verdict);
      for (const n of result?.notRead ?? []) {
        const id = entries[n.index]?.post.id;
        if (id !== undefined) notRead.set(id, n.language);
      }
      // The verdicts are known at once (a post read again meanwhile is marked from them); the marks
      // and the full reads of flagged posts are written in slices (below).
      const scored = entries.map((_, index) => byIndex.get(index) ?? null);
      for (const [index, { post }] of entries.entries()) keep(post.id, scored[index] as Verdict | null);
      const pageUrl = urlOnce();
      let next = 0;
      marking.push(() => {
        const entry = entries[next] as Waiting;
        next += 1;
        const others = asked.get(entry.post.id) ?? [];
        asked.delete(entry.post.id);
        // This answer's verdict, not the map's: on a flood the map may have dropped it meanwhile.
        const verdict = scored[next - 1] as Verdict | null;
        try {
          for (const target of [entry.el, ...others]) show(target, entry.post, verdict, pageUrl);
        } catch {
          // One post the page broke mid-read: the batch's others are still marked, and it is still
          // counted out below (a count that never falls would hold the scanner for good).
        }
        settled(1);
        return next < entries.length;
      });
    },
  });

  /**
   * An answered batch (up to 500 posts, each flagged one read in full) was handled in one task of
   * 30–75 ms on a flooded page: it is handled in slices of a few ms after a paint, like the scanner's.
   */
  const marking = createSliceRunner({ budgetMs: MARK_SLICE_MS, budget, spendOnly: true, onError: () => undefined });

  // The scanner reads an element once: a post whose batch got no answer would stay unmarked for good.
  const retries = new Set<ReturnType<typeof setTimeout>>();
  function retryLater(entries: Waiting[]): void {
    const again: Array<{ item: ScoreItem; entry: Waiting }> = [];
    for (const e of entries) {
      if (e.tries + 1 < MAX_TRIES) again.push({ item: e.item, entry: { ...e, tries: e.tries + 1 } });
      else {
        asked.delete(e.post.id); // given up: read again only if the page changes it
        settled(1);
      }
    }
    if (again.length === 0) return;
    const timer = setTimeout(() => {
      retries.delete(timer);
      scores.push(again);
    }, RETRY_MS);
    retries.add(timer);
  }

  const readLog = createReadLog();
  /**
   * Light reads by the post they returned, for the full read of the flagged ones (LightRead). The
   * scanner hands a slice's posts to onPosts at the end of that slice, in the same task as their
   * light reads, and never again: an entry is looked up then or never, and goes with its post.
   */
  const lightReads = new WeakMap<Post, LightRead>();
  const keepsLightReads = opts.adapter.readLight !== undefined && opts.adapter.completeRead === undefined;
  scanner = createScanner({
    doc,
    adapter: {
      findPosts: (root) => opts.adapter.findPosts(root),
      // A selector-search adapter lets the scanner search a huge page in pieces (lib/scan/piecewise.ts).
      isPost: opts.adapter.isPost ? (el) => opts.adapter.isPost!(el) : undefined,
      // Cheap read where the adapter has one; flagged posts are read in full when marked.
      readPost: opts.adapter.readLight
        ? (el, url) => {
            const light = opts.adapter.readLight!(el, url);
            // An adapter that completes a light read needs only the post (completeRead).
            if (light && keepsLightReads) lightReads.set(light.post, light);
            return light?.post ?? null;
          }
        : (el, url) => opts.adapter.readPost(el, url),
    },
    isOwnNode: opts.isOwnNode,
    budget,
    rate: budget ? undefined : null,
    holdReading: (unreported) => downstream + unreported >= HOLD_READING_AT,
    onPosts: (batch) => {
      readLog.add(batch.length);
      const toScore: Array<{ item: ScoreItem; entry: Waiting }> = [];
      const pageUrl = urlOnce();
      for (const { el, post } of batch) {
        const verdict = verdicts.get(post.id);
        if (verdict !== undefined) {
          // Known post in a fresh element (or its words changed back): marked now, same task as the light read.
          show(el, post, verdict, pageUrl, lightReads.get(post));
          continue;
        }
        const waiting = asked.get(post.id);
        if (waiting) {
          waiting.push(el);
          continue;
        }
        asked.set(post.id, []);
        const item: ScoreItem = { text: clipText(post.text, MESSAGE_TEXT_MAX) };
        if (post.quoted !== undefined) item.quoted = clipText(post.quoted, MESSAGE_TEXT_MAX);
        toScore.push({ item, entry: { el, post, item, tries: 0 } });
      }
      downstream += toScore.length;
      if (toScore.length > 0) scores.push(toScore);
    },
  });
  scanner.start();
  return {
    scanner,
    stop() {
      scanner.stop();
      scores.stop();
      marking.clear();
      writes.stop();
      for (const timer of retries) clearTimeout(timer);
      batcher.stop();
      readLog.flush();
    },
  };
}

/**
 * "[frontline] read N post(s)", hidden at DevTools' default level: lets an agent (and the e2e
 * tests) see that each post is read once. At most once a second: with DevTools or a test driver
 * attached, every console call is serialised to it, which cost ~0.7 ms per scanning slice.
 */
function createReadLog(intervalMs = 1000) {
  let unreported = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (unreported > 0) console.debug(`[frontline] read ${unreported} post(s)`);
    unreported = 0;
  };
  return {
    add(n: number) {
      unreported += n;
      timer ??= setTimeout(flush, intervalMs);
    },
    flush,
  };
}

/**
 * The verdict as the message carries it: cues absent (not computed), which the background derives
 * from the text (lib/actions/record-posts.ts withCues). Listing the fields leaves the lazy cues
 * getter unread.
 */
function withoutCues(v: Verdict): SeenVerdict {
  return { complaint: v.complaint, score: v.score, severity: v.severity, signals: v.signals };
}
