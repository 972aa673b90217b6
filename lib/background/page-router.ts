import { describeZodError, ExtensionPageToBackground, PAGE_PROTOCOL, type PageResponseOf, type Reply } from '../messages';
import type { SenderInfo } from './sender';

/** What the page router needs from the background; injected so tests use a real server and a real log. */
export interface PageRouterDeps {
  ownId: string;
  /** Addresses of the extension pages that may ask (the dashboard), without hash or query. */
  pageUrls: readonly string[];
  teamClaims(): Promise<PageResponseOf<'page→bg:team-claims'>>;
}

/**
 * A message from one of our own extension pages: our id and one of the listed page addresses.
 * Web pages (and content scripts, which live beside them) cannot send from that address, and
 * our overlay frame inside a web page has another one.
 */
export function isOurExtensionPage(sender: SenderInfo | undefined, ownId: string, pageUrls: readonly string[]): boolean {
  if (!sender || sender.id !== ownId || typeof sender.url !== 'string') return false;
  return pageUrls.includes(sender.url.split('#')[0]!.split('?')[0]!);
}

/** Sender first, then schema, then the answer, parsed with its schema before it leaves. */
export async function routeExtensionPage(raw: unknown, sender: SenderInfo, deps: PageRouterDeps): Promise<Reply<Record<string, unknown>>> {
  if (!isOurExtensionPage(sender, deps.ownId, deps.pageUrls)) return { ok: false, error: 'sender refused' };
  const parsed = ExtensionPageToBackground.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `malformed message: ${describeZodError(parsed.error)}` };
  try {
    switch (parsed.data.type) {
      case 'page→bg:team-claims':
        return { ok: true, ...PAGE_PROTOCOL['page→bg:team-claims'].response.parse(await deps.teamClaims()) };
    }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
