import { detect } from '../detect';
import { languageOf } from '../detect/language';
import type { SeenVerdict, Send } from '../messages';
import { createScanner, type Scanner } from '../scan';
import type { LightRead, SiteAdapter } from '../sites/types';
import type { Post, Verdict } from '../types';
import { corrected } from './correction-layer';
import { ensureMarkStyles, markNotRead, markPost } from './marks';
import { createBatcher } from './post-batcher';
import type { OverlayStore } from './store';

export interface SessionOptions {
  doc: Document;
  adapter: SiteAdapter;
  brandTerms: readonly string[];
  /** 'brand': only posts about us are flagged; 'all': every complaint. */
  focus: 'brand' | 'all';
  store: OverlayStore;
  send: Send;
  isOwnNode: (node: Node) => boolean;
}

/**
 * Is this complaint the agent's business? With no brand terms set there is nothing to
 * focus on, so every complaint counts (a first run must not look broken).
 */
export function inFocus(verdict: Verdict, post: Post, opts: Pick<SessionOptions, 'brandTerms' | 'focus'>): boolean {
  if (!verdict.complaint || verdict.severity === 0) return false;
  if (opts.focus === 'all' || opts.brandTerms.length === 0) return true;
  if (verdict.signals.brand) return true;
  const quoted = post.quoted?.toLowerCase() ?? '';
  return opts.brandTerms.some((t) => quoted.includes(t.toLowerCase()));
}

/** One page's worth of work: scan → detect → mark → tell the background (batched). */
export function startSession(opts: SessionOptions): { scanner: Scanner; stop(): void } {
  const { doc, store } = opts;
  let styled = false;
  // X recycles nodes: a post seen again in a new element is re-marked, not re-detected. Only
  // flagged verdicts are kept (null: read, not ours): a 5,000-post timeline holds 5,000 entries.
  const verdicts = new Map<string, Verdict | null>();
  // Posts the detector would have flagged but that are in another language: read by nobody, marked so.
  const notRead = new Map<string, string>();

  const batcher = createBatcher<{ post: Post; verdict: SeenVerdict }>({
    send: (items) => {
      // The answer says only how many posts were refused: what we know of their authors never reaches this side.
      void opts.send({ type: 'cs→bg:posts-seen', items }).catch(() => undefined);
    },
  });

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
      // Cheap read where the adapter has one; flagged posts are read in full below.
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
      const flagged = [];
      let pageUrl: URL | null = null;
      for (const item of batch) {
        const { el } = item;
        let { post } = item;
        let verdict = verdicts.get(post.id);
        if (verdict === undefined) {
          const fresh = corrected(detect(post.text, { brandTerms: opts.brandTerms }), post.text);
          verdict = inFocus(fresh, post, opts) ? fresh : null;
          // The model reads English only: another language is not read, never scored as English.
          // Checked only for posts it would flag, so the cost is paid on few posts.
          const language = verdict ? languageOf(post.text) : 'en';
          if (language !== 'en') {
            verdict = null;
            notRead.set(post.id, language);
          }
          verdicts.set(post.id, verdict);
        }
        markNotRead(el, notRead.get(post.id) ?? null);
        if (verdict && opts.adapter.readLight) {
          // Same task as the light read: the element still shows this post, its words may be reused.
          const full = opts.adapter.readPost(el, (pageUrl ??= new URL(doc.URL)), lightReads.get(item.post));
          if (full?.id === post.id) post = full;
          else verdict = null;
        }
        markPost(el, post.id, verdict);
        if (!verdict) continue;
        if (!styled) {
          ensureMarkStyles(doc);
          styled = true;
        }
        flagged.push({ post, verdict, el });
        batcher.push({ post, verdict: withoutCues(verdict) });
      }
      store.addFlagged(flagged);
    },
  });
  scanner.start();
  return {
    scanner,
    stop() {
      scanner.stop();
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
