import { browser } from 'wxt/browser';
import { parsePageReply, type ExtensionPageMessage, type PageResponseOf, type Reply } from '@/lib/messages';

/**
 * The dashboard asks the background for the team's open claims: the background holds the team
 * password and speaks to the server; the answer is parsed with its schema here too.
 */
export async function askTeamClaims(): Promise<Reply<PageResponseOf<'page→bg:team-claims'>>> {
  const msg: ExtensionPageMessage = { type: 'page→bg:team-claims' };
  try {
    return parsePageReply(msg.type, await browser.runtime.sendMessage(msg));
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
