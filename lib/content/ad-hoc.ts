import { hashId } from '../model/hash';
import type { BackgroundToContentMessage } from '../messages';
import type { Post, Verdict } from '../types';

type OpenHelper = Extract<BackgroundToContentMessage, { type: 'bg→cs:open-helper' }>;

const NO_VERDICT: Verdict = {
  complaint: false,
  score: 0,
  severity: 0,
  cues: [],
  signals: { brand: false, churn: false, abuse: false, question: false, urgency: false },
};

/** The author of a page where the page says so (meta tags), for "Respond as support" on any page. */
function pageAuthor(doc: Document): string {
  const meta = doc.querySelector<HTMLMetaElement>(
    'meta[name="author"], meta[property="article:author"], meta[name="twitter:creator"]',
  );
  return meta?.content.trim().slice(0, 200) ?? '';
}

/**
 * Builds a post from what the agent selected (context menu): the selection is the customer's
 * words; the page gives the author and URL where it knows them.
 */
export function adHocPost(msg: OpenHelper, doc: Document): { post: Post; verdict: Verdict } {
  const text = (msg.selectionText ?? '').trim();
  const author = pageAuthor(doc);
  const permalink = /^https?:/.test(msg.linkUrl ?? '') ? msg.linkUrl! : /^https?:/.test(msg.pageUrl) ? msg.pageUrl : null;
  const post: Post = {
    id: `web:${permalink ?? 'page'}#${hashId(text)}`,
    platform: 'web',
    author,
    handle: author.startsWith('@') ? author : '',
    text,
    permalink,
    time: null,
  };
  // The background scored the words (lib/background/score.ts); without its word, nothing is claimed.
  return { post, verdict: msg.verdict ?? NO_VERDICT };
}
