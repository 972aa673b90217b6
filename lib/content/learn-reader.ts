import type { Send } from '../messages';
import type { Settings } from '../settings';
import { findsAnyPost } from '../scan/piecewise';
import { adapterFor, adapterForPage, genericAdapter } from '../sites';
import { deriveReader } from '../sites/learn/derive';
import { learnedAdapter } from '../sites/learn/learned';
import type { SiteAdapter } from '../sites/types';
import { lastContextTarget } from './context-target';

/**
 * How the content script chooses its reader: the site's adapter (by host, then by what the page
 * is: generator meta, fingerprint), then the reader the agent taught for this host, then the
 * generic reader. An engine recognised by its markup that reads nothing here gives way (to the
 * taught reader: the agent taught it because nothing was read; else to the generic reader, as
 * extract does); an adapter chosen by host is kept, its posts may still be on their way (SPA).
 */
export function readerFor(doc: Document, url: URL, settings: Pick<Settings, 'learnedReaders'>): SiteAdapter {
  const named = adapterForPage(doc, url);
  const taught = settings.learnedReaders[url.hostname];
  if (named && !taught && adapterFor(url) === named) return named;
  if (named && findsAnyPost(doc, named)) return named;
  if (taught) return learnedAdapter(taught);
  if (named && adapterFor(url) === named) return named;
  if (named && genericAdapter.findPosts(doc).length === 0) return named;
  return genericAdapter;
}

export interface LearnOutcome {
  text: string;
  tone: 'info' | 'error';
}

/**
 * "Read posts like this one": derive a reader from the post the agent right-clicked, and ask the
 * background to keep it for this page's host. What the agent is told: how many posts it now finds.
 */
export async function learnFromLastClick(doc: Document, send: Send): Promise<LearnOutcome> {
  const target = lastContextTarget();
  if (!target || target.ownerDocument !== doc) return { text: 'Right-click inside one post, then choose “Read posts like this one”.', tone: 'error' };
  const derived = deriveReader(target, doc);
  if (!derived) {
    return { text: 'No posts like this one here: right-click the words of a post that has its author’s name beside it.', tone: 'error' };
  }
  const reply = await send({ type: 'cs→bg:learn-reader', reader: derived.reader });
  if (!reply.ok) return { text: `Not saved: ${reply.error}.`, tone: 'error' };
  const n = derived.found;
  return { text: `Frontline now reads ${n} post${n === 1 ? '' : 's'} like this one on ${reply.host}.`, tone: 'info' };
}
