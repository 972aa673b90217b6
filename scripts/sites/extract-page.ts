/**
 * Read the posts of a saved page the way `npm run extract` does: inert markup (no page scripts),
 * parsed by happy-dom under the page's own URL, then lib/sites readPostsOnPage.
 */
import { Window } from 'happy-dom';
import { decodePage } from '../../lib/sites/decode';
import { genericAdapter, readPostsOnPage, readPostsWith } from '../../lib/sites/index';
import type { Post } from '../../lib/types';
import { declaredPosts } from '../../lib/sites/reader/structured';

/**
 * A window for a saved page as inert markup: no page scripts, styles or frames are loaded. Shared
 * by extract, the unit tests' fixture loader and the benches, so all read pages the same way.
 */
export function inertWindow(url: string): Window {
  return new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
}

/** genericOnly: skip every adapter, to measure the reader of unknown engines on pages of known ones. */
/**
 * notes, when given, receives what the reading could not do, said plainly: posts the page declares in
 * JSON-LD that no element shows (they are not read: a post Frontline cannot mark is not guessed at).
 */
export function extractPosts(bytes: Uint8Array | string, pageUrl: URL, genericOnly = false, notes?: string[]): Post[] {
  const html = typeof bytes === 'string' ? bytes : decodePage(bytes);
  const window = inertWindow(pageUrl.href);
  try {
    window.document.write(html);
    const doc = window.document as unknown as Document;
    const posts = genericOnly ? readPostsWith(genericAdapter, doc, pageUrl) : readPostsOnPage(doc, pageUrl);
    if (notes) {
      const { unshown } = declaredPosts(doc);
      if (unshown.length > 0) notes.push(`${unshown.length} post(s) declared in JSON-LD are shown by no element on the page, so not read: ${unshown.map((p) => p.author || '(no author)').slice(0, 10).join(', ')}`);
    }
    return posts;
  } finally {
    void window.happyDOM.close();
  }
}
