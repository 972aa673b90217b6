import type { Platform } from '../types';
import type { CheckedSelector, SiteAdapter } from './types';
import { defineAdapter } from './define';
import type { SiteDescriptor } from './descriptor';
import { $, $$, absoluteUrl, editableIn, isoTime, postsUnder, visibleText } from './dom';
import { buildPost, neverThrows } from './post';
import { mentionsHeadingQuotes } from './quote-heads';

/**
 * A forum engine described as data: how to recognise its pages (fingerprint) and where each part of
 * a post sits. `engineAdapter` turns one into a SiteAdapter, so adding an engine is adding a file of
 * selectors under lib/sites/engines/, each checked against the saved page it was written for.
 */
export interface EngineSpec {
  /** The engine's name ('xenforo'); adapters are told apart by it, several share platform 'forum'. */
  name: string;
  platform?: Platform;
  /** Hosts the engine runs on under its own name, if any, as host patterns (SiteDescriptor.hosts). */
  hosts?: readonly string[];
  /** The gate's probes for this engine's pages (SiteDescriptor.gate): ids and class names only. */
  gate: SiteDescriptor['gate'];
  /** `<meta name="generator">` content that names this engine. */
  generator?: RegExp;
  selectors: {
    /**
     * Matches only pages of this engine that carry posts: its body/html classes, ids, data attributes.
     * Joined with the other adapters' into one selector, so one document scan tests them all.
     */
    fingerprint: CheckedSelector;
    post: CheckedSelector;
    author: CheckedSelector;
    text: CheckedSelector;
    /** Where the words are when `text` finds nothing (a theme that drops the engine's class names). */
    textFallback?: CheckedSelector;
    /** Quotes of other posts inside the text, kept apart in `quoted`; default `blockquote`. */
    quote?: CheckedSelector;
    /** Inside the text but not the author's words: signatures, "edited by" lines, reply-to previews. */
    notOwn?: CheckedSelector;
    permalink?: CheckedSelector;
    /**
     * Where the author's name is when `author` finds nothing (a guest's name in plain text where members
     * get a link). A fallback, not an alternative: a selector list would take the first in document
     * order, which is the wrapper around the name.
     */
    authorFallback?: CheckedSelector;
    /** An element whose datetime, data-time, data-timestamp or title attribute is a machine-readable time. */
    time?: CheckedSelector;
  } & Record<string, CheckedSelector>;
  /** The reply box; not checked against a page (saved pages are logged out, the box absent). */
  composer?: string;
  /** Attribute of the post element holding its author when the engine writes one (data-author). */
  authorAttr?: string;
  /**
   * Where the post's own link is when it sits outside the post element (bbPress writes it in a header
   * just before the post); the href as written, made absolute by the reader.
   */
  permalinkOf?: (el: Element, pageUrl: URL) => string | null;
  /** The post's native id from its element; default: the digits of its id attribute. */
  nativeId?: (el: Element) => string | null;
  /**
   * The author's name element when the engine writes it outside the post (an issue tracker names the
   * description's author in the page header above it); asked only when `author` finds nothing inside.
   */
  authorOutside?: (el: Element) => Element | null;
  /** When posts are found by a broad selector, the ones to keep (the story row among the comments...). */
  keep?: (el: Element) => boolean;
  /** Nested posts (threaded replies) sit inside their parent: their words stay theirs. */
  nested?: boolean;
}

/** An engine's descriptor: data only, so the gate can import it without the engine's reader. */
export /*#__NO_SIDE_EFFECTS__*/ function engineSite(spec: EngineSpec): SiteDescriptor {
  return {
    id: spec.name,
    platform: spec.platform ?? 'forum',
    hosts: spec.hosts ?? [],
    gate: spec.gate,
    sniff: spec.selectors.fingerprint.css,
    ...(spec.generator ? { generator: spec.generator } : {}),
  };
}

const TIME_ATTRS = ['datetime', 'data-time', 'data-timestamp', 'content', 'title'];

function timeOf(el: Element | null): string | null {
  if (!el) return null;
  for (const a of TIME_ATTRS) {
    const v = el.getAttribute(a);
    // Only full dates with a zone or epochs: "2024-08-03 10:59" in an unknown zone is not a time.
    if (v && (/^\d{9,14}$/.test(v.trim()) || /\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/.test(v.trim()))) {
      const t = isoTime(v);
      if (t) return t;
    }
  }
  return null;
}

function digitsOfId(el: Element): string | null {
  return el.id.match(/\d+/)?.[0] ?? null;
}

/** The mentions heading quotes in body, as visibleText's skip set; nothing (no Set made) when there are none. */
function mentionsAsSkip(body: Element | null): { skipElements?: Set<Element> } {
  const mentions = mentionsHeadingQuotes(body);
  return mentions.length > 0 ? { skipElements: new Set(mentions) } : {};
}

export /*#__NO_SIDE_EFFECTS__*/ function engineAdapter(spec: EngineSpec, site: SiteDescriptor = engineSite(spec)): SiteAdapter {
  const s = spec.selectors;
  // In a forum post a blockquote is nearly always someone else's words.
  const quoteCss = s.quote?.css ?? 'blockquote';
  const ignore = [quoteCss, s.notOwn?.css, spec.nested ? s.post.css : undefined].filter(Boolean).join(', ');
  /** First match of css that belongs to this post, not to a post nested inside it. */
  const own = (el: Element, css: string | undefined): Element | null => {
    if (!css) return null;
    if (!spec.nested) return $(el, css);
    return $$(el, css).find((m) => m.closest(s.post.css) === el) ?? null;
  };

  function readPost(el: Element, pageUrl: URL) {
    const authorEl = own(el, s.author.css) ?? own(el, s.authorFallback?.css) ?? spec.authorOutside?.(el) ?? null;
    const body = own(el, s.text.css) ?? own(el, s.textFallback?.css);
    // Outermost quotes only: a quote of a quote is already in its parent's words.
    const quotes = $$(body, quoteCss).filter((q) => !q.parentElement?.closest(quoteCss) && (!spec.nested || q.closest(s.post.css) === el));
    const linkEl = own(el, s.permalink?.css);
    const authorLink = authorEl?.matches('a[href]') ? authorEl : authorEl?.querySelector('a[href]') ?? authorEl?.closest('a[href]');
    return buildPost({
      platform: spec.platform ?? 'forum',
      nativeId: (spec.nativeId ?? digitsOfId)(el),
      scope: pageUrl.hostname,
      author: (spec.authorAttr && el.getAttribute(spec.authorAttr)) || visibleText(authorEl),
      handle: absoluteUrl(authorLink?.getAttribute('href'), pageUrl) ?? '',
      // A mention heading a quote names whose words follow: not the reply's words (lib/sites/quote-heads.ts).
      text: visibleText(body, { ...(ignore ? { skip: ignore } : {}), ...mentionsAsSkip(body) }),
      quoted: quotes.map((q) => visibleText(q)).join(' '),
      // XenForo 1 keeps the post's own link in data-href (href is the thread); microdata uses content.
      permalink: absoluteUrl(
        linkEl?.getAttribute('data-href') ?? linkEl?.getAttribute('href') ?? linkEl?.getAttribute('content') ?? spec.permalinkOf?.(el, pageUrl),
        pageUrl,
      ),
      time: timeOf(own(el, s.time?.css)),
    });
  }

  return defineAdapter(site, {
    selectors: s,
    findPosts: (root) => {
      const found = postsUnder(root, s.post.css);
      return spec.keep ? found.filter(spec.keep) : found;
    },
    isPost: (el) => el.matches(s.post.css) && (!spec.keep || spec.keep(el)),
    readPost: neverThrows(readPost),
    findComposer: (_el, doc) => (spec.composer ? editableIn(doc, spec.composer) : null),
  });
}
