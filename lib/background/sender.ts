/** The parts of runtime.MessageSender we trust; everything else about a sender is ignored. */
export interface SenderInfo {
  id?: string;
  url?: string;
  /** The tab's top-level URL: a Disqus frame's posts link to the page that embeds it. */
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/**
 * A content script message must come from our own extension, from a tab, from a web page.
 * Messages from other extensions (or from our pages pretending to be a tab) are refused.
 */
export function isOurContentScript(sender: SenderInfo, ownId: string): boolean {
  if (sender.id !== ownId) return false;
  if (!sender.tab || typeof sender.tab.id !== 'number') return false;
  return typeof sender.url === 'string' && /^https?:\/\//.test(sender.url);
}
