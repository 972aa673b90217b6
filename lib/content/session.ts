import type { ScoreItem, ScoreResult, SeenVerdict, Send } from '../messages';
import { createScanner, type Scanner } from '../scan';
import type { LightRead, SiteAdapter } from '../sites/types';
import type { Post, Verdict } from '../types';
import { clipText, MESSAGE_TEXT_MAX } from './clip-post';
import { ensureMarkStyles, markNotRead, markPost } from './marks';
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
  isOwnNode: (node: Node) => boolean;
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
const MAX_TRIES = 3;

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
  // The post each element showed when last read: an answer for a post the element no longer shows is not written.
  const lastShown = new WeakMap<Element, string>();

  const batcher = createBatcher<{ post: Post; verdict: SeenVerdict }>({
    send: (items) => {
      // The answer says only how many posts were refused: what we know of their authors never reaches this side.
      void opts.send({ type: 'cs→bg:posts-seen', items }).catch(() => undefined);
    },
  });

  /** Marks one element from its post's verdict; returns it when it is flagged (for the chips). */
  const show = (el: Element, post: Post, verdict: Verdict | null, pageUrl: () => URL, light?: LightRead): FlaggedPost | null => {
    if (lastShown.get(el) !== post.id || !el.isConnected) return null;
    markNotRead(el, notRead.get(post.id) ?? null);
    let v = verdict;
    let full = post;
    if (v && opts.adapter.readLight) {
      // Flagged posts are read in full (author, link, time); the element must still show this post.
      const read = opts.adapter.readPost(el, pageUrl(), light);
      if (read?.id === post.id) full = read;
      else v = null;
    }
    markPost(el, post.id, v);
    if (!v) return null;
    if (!styled) {
      ensureMarkStyles(doc);
      styled = true;
    }
    batcher.push({ post: full, verdict: withoutCues(v) });
    return { post: full, verdict: v, el };
  };

  const urlOnce = () => {
    let url: URL | null = null;
    return () => (url ??= new URL(doc.URL));
  };

  const scores = createScoreQueue<Waiting>({
    ask:
      opts.score ??
      (async (items) => {
        const reply = await opts.send({ type: 'cs→bg:score', items });
        return reply.ok ? { flagged: reply.flagged, notRead: reply.notRead } : null;
      }),
    onScored: (entries, result) => {
      if (!result) return retryLater(entries);
      const byIndex = new Map<number, Verdict>();
      for (const f of result?.flagged ?? []) byIndex.set(f.index, f.verdict);
      for (const n of result?.notRead ?? []) {
        const id = entries[n.index]?.post.id;
        if (id !== undefined) notRead.set(id, n.language);
      }
      const flagged: FlaggedPost[] = [];
      const pageUrl = urlOnce();
      for (const [index, { el, post }] of entries.entries()) {
        const others = asked.get(post.id) ?? [];
        asked.delete(post.id);
        const verdict = byIndex.get(index) ?? null;
        verdicts.set(post.id, verdict);
        for (const target of [el, ...others]) {
          const shown = show(target, post, verdict, pageUrl);
          if (shown) flagged.push(shown);
        }
      }
      if (flagged.length > 0) store.addFlagged(flagged);
    },
  });

  // The scanner reads an element once: a post whose batch got no answer would stay unmarked for good.
  const retries = new Set<ReturnType<typeof setTimeout>>();
  function retryLater(entries: Waiting[]): void {
    const again: Array<{ item: ScoreItem; entry: Waiting }> = [];
    for (const e of entries) {
      if (e.tries + 1 < MAX_TRIES) again.push({ item: e.item, entry: { ...e, tries: e.tries + 1 } });
      else asked.delete(e.post.id); // given up: read again only if the page changes it
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
  const scanner = createScanner({
    doc,
    adapter: {
      findPosts: (root) => opts.adapter.findPosts(root),
      // Cheap read where the adapter has one; flagged posts are read in full when marked.
      readPost: opts.adapter.readLight
        ? (el, url) => {
            const light = opts.adapter.readLight!(el, url);
            if (light) lightReads.set(light.post, light);
            return light?.post ?? null;
          }
        : (el, url) => opts.adapter.readPost(el, url),
    },
    isOwnNode: opts.isOwnNode,
    onPosts: (batch) => {
      readLog.add(batch.length);
      const flagged: FlaggedPost[] = [];
      const toScore: Array<{ item: ScoreItem; entry: Waiting }> = [];
      const pageUrl = urlOnce();
      for (const { el, post } of batch) {
        lastShown.set(el, post.id);
        const verdict = verdicts.get(post.id);
        if (verdict !== undefined) {
          // Known post in a fresh element (or its words changed back): marked now, same task as the light read.
          const shown = show(el, post, verdict, pageUrl, lightReads.get(post));
          if (shown) flagged.push(shown);
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
      if (toScore.length > 0) scores.push(toScore);
      if (flagged.length > 0) store.addFlagged(flagged);
    },
  });
  scanner.start();
  return {
    scanner,
    stop() {
      scanner.stop();
      scores.stop();
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
