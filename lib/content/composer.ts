import type { SiteAdapter } from '../sites/types';
import { insertIntoComposer } from './insert';

/** What we last put into each reply box, so a second Insert replaces it (insert.ts). */
const lastInserted = new WeakMap<HTMLElement, string>();

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function focusedEditable(doc: Document): HTMLElement | null {
  const el = doc.activeElement;
  if (el instanceof HTMLTextAreaElement || (el instanceof HTMLElement && el.isContentEditable)) return el;
  return null;
}

/**
 * Finds the post's reply box (opening the site's composer when it is created lazily), puts
 * the text in, and says what happened in words the agent can act on. Never submits.
 */
export async function insertComposerFor(
  postEl: Element | null,
  adapter: SiteAdapter | null,
  text: string,
): Promise<{ ok: boolean; message: string }> {
  let composer = postEl && adapter ? adapter.findComposer(postEl, document) : null;
  if (!composer && postEl && adapter?.openComposer?.(postEl)) {
    for (let i = 0; i < 10 && !composer; i++) {
      await wait(100);
      composer = adapter.findComposer(postEl, document);
    }
  }
  composer ??= focusedEditable(document);
  if (!composer) {
    return { ok: false, message: 'No reply box found here, so the reply was copied to your clipboard instead. Paste it where you answer.' };
  }
  const result = insertIntoComposer(composer, text, lastInserted.get(composer));
  if (result.ok) lastInserted.set(composer, text);
  if (result.ok) return { ok: true, message: 'Reply inserted into the site’s reply box. Review it and press the site’s own Reply button.' };
  return { ok: false, message: `${result.reason} The reply was copied to your clipboard instead.` };
}
