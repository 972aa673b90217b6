import {
  ContentToBackgroundWire,
  describeZodError,
  PROTOCOL,
  type ReplyFor,
  type RequestType,
  type ResponseOf,
  type ContentToBackgroundMessage,
  type RecentContact,
  type Reply,
  type ReturningSummary,
  type ScoreItem,
  type ScoreResult,
} from '../messages';
import type { AdapterState } from '../detect/adapt';
import type { PageSettings } from '../settings/site-access';
import { droppedWarning, partitionPostItems } from './post-items';
import type { ComposerExpansion } from './expand-shortcut';
import { contactPrefixesFor, scopePost, type ScopedPost } from './scope';
import { isOurContentScript, type SenderInfo } from './sender';
import { packScoreResult, unpackScoreItems } from '../score-wire';
import { unpackSeen } from '../seen-wire';
import { interactionIdFor } from '../db/normalise';

type Msg<T extends ContentToBackgroundMessage['type']> = Extract<ContentToBackgroundMessage, { type: T }>;

/** What the router needs from the rest of the background; injected so tests use a real store on fake IndexedDB. */
export interface RouterDeps {
  ownId: string;
  postsSeen(msg: Msg<'cs→bg:posts-seen'>): Promise<ReturningSummary[]>;
  interactionEvent(msg: Msg<'cs→bg:interaction-event'>, tabId: number): Promise<void>;
  /** The most recent contacts whose id starts with one of `prefixes` (scope.ts contactPrefixesFor). */
  recentContacts(limit: number, prefixes: readonly string[]): Promise<RecentContact[]>;
  openDashboard(): Promise<void>;
  /** Injects the full content script into the sender's frame. */
  activate(tabId: number, frameId: number): Promise<void>;
  /** Injects the overlay script into the sender's frame. */
  injectUi(tabId: number, frameId: number): Promise<void>;
  /** Stores the agent's correction and returns the refitted layer (lib/background/corrections.ts). */
  correct(msg: Msg<'cs→bg:correct'>): Promise<AdapterState | null>;
  correctionLayer(): Promise<AdapterState | null>;
  /** Scores a page's posts (lib/background/score.ts) with the settings that apply to the sender's host. */
  score?(items: ScoreItem[], host: string): Promise<ScoreResult>;
  /** Keeps the reader the agent taught for this host (settings.learnedReaders). */
  saveLearnedReader?(host: string, reader: Msg<'cs→bg:learn-reader'>['reader']): Promise<void>;
  /** Where refused posts are reported (the worker's console); once per batch. */
  warn?(message: string): void;
  /** A shortcut typed in the site's reply box, expanded with the agent's templates and profile (expand-shortcut.ts). */
  expandShortcut?(shortcut: string, post: ScopedPost | null, alone: boolean): Promise<ComposerExpansion>;
  /** The settings a page's reading needs (lib/settings pageSettingsOf). */
  pageSettings?(): Promise<PageSettings>;
  /** Team sync: claim the post and say who else is on it (lib/background/team-sync.ts openOnPost). */
  teamStatus?(interactionId: string, takeOver: boolean): Promise<{ line: string | null; held: boolean; problem: string | null }>;
  /** The page side's overlay state for the frame with this token (lib/background/overlay-sessions.ts). */
  uiState?(token: string, state: Msg<'cs→bg:ui-state'>['state'], sender: SenderInfo): void;
}

/**
 * The agent's actions (a reply logged, a resolution, a follow-up) come only from our overlay
 * frame, where the page can neither click nor type (lib/background/overlay-sessions.ts relays
 * them with the scope of the page that opened it). A content script lives beside the page's
 * DOM, so what it would report as a click could be the page's.
 */
// A correction teaches the detector what this agent calls a complaint: the agent's act, like a reply.
// Recent contacts are the palette's (in our frame): the names and links of this site's customers
// are history, which a content script (its memory shares a process with the page) never gets.
// Claiming a post is the agent opening the helper on it: the helper's act too.
export const OVERLAY_ONLY: ReadonlySet<string> = new Set([
  'cs→bg:interaction-event',
  'cs→bg:correct',
  'cs→bg:recent-contacts',
  'cs→bg:team-status',
]);

/** What content scripts may ask: everything but the overlay's actions. */
export function routeFromContentScript(raw: unknown, sender: SenderInfo, deps: RouterDeps): Promise<Reply<Record<string, unknown>>> {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  if (typeof type === 'string' && OVERLAY_ONLY.has(type)) return Promise.resolve({ ok: false, error: 'refused: actions come only from the helper frame' });
  return routeContentMessage(raw, sender, deps);
}

/**
 * Every content-script message passes here: sender first, then schema, then action.
 * A refused message writes nothing and gets `{ ok: false, error }` so the page side can say why.
 */
export async function routeContentMessage(
  raw: unknown,
  sender: SenderInfo,
  deps: RouterDeps,
): Promise<Reply<Record<string, unknown>>> {
  /** The answer as declared in PROTOCOL: fields a store function adds beyond it never leave. */
  const answer = <K extends RequestType>(type: K, value: unknown): ReplyFor<K> => ({ ok: true, ...(PROTOCOL[type].response.parse(value) as ResponseOf<K>) });
  if (!isOurContentScript(sender, deps.ownId)) return { ok: false, error: 'sender refused' };
  const parsed = ContentToBackgroundWire.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `malformed message: ${describeZodError(parsed.error)}` };
  const msg = parsed.data;
  try {
    switch (msg.type) {
      case 'cs→bg:posts-seen': {
        const items = msg.items ?? unpackSeen(msg.seen!);
        const { valid, validIndex, dropped } = partitionPostItems(items);
        // Each post is placed by the frame that sent it; one that cannot be from here is dropped like an invalid one.
        const placed: typeof valid = [];
        for (const [n, item] of valid.entries()) {
          const scoped = scopePost(item.post, sender);
          if (scoped.ok) placed.push({ post: scoped.post, verdict: item.verdict });
          else dropped.push({ index: validIndex[n]!, reason: `post: ${scoped.reason}` });
        }
        if (dropped.length > 0) (deps.warn ?? console.warn)(droppedWarning(dropped, items.length));
        // What the log knows of these people stays here: the page's posts need none of it (the helper asks, ui→bg:history).
        if (placed.length > 0) await deps.postsSeen({ type: msg.type, items: placed });
        return answer(msg.type, { dropped: dropped.length });
      }
      case 'cs→bg:interaction-event': {
        const scoped = scopePost(msg.post, sender);
        if (!scoped.ok) return { ok: false, error: `refused: ${scoped.reason}` };
        await deps.interactionEvent({ ...msg, post: scoped.post }, sender.tab?.id ?? -1);
        return answer(msg.type, {});
      }
      case 'cs→bg:correct': {
        // Placed like any post the frame sends: a page cannot file a correction for another site's post.
        const scoped = scopePost(msg.post, sender);
        if (!scoped.ok) return { ok: false, error: `refused: ${scoped.reason}` };
        return answer(msg.type, { layer: await deps.correct({ ...msg, post: scoped.post }) });
      }
      case 'cs→bg:team-status': {
        const scoped = scopePost(msg.post, sender);
        if (!scoped.ok) return { ok: false, error: `refused: ${scoped.reason}` };
        if (!deps.teamStatus) return answer(msg.type, { line: null, held: false, problem: null });
        return answer(msg.type, await deps.teamStatus(interactionIdFor(scoped.post), msg.takeOver === true));
      }
      case 'cs→bg:score': {
        if (!deps.score) return { ok: false, error: 'scoring is not available here' };
        // Focus (brand or every complaint) is the sender frame's host's, never one the page names.
        const host = sender.url ? new URL(sender.url).hostname : '';
        return answer(msg.type, packScoreResult(await deps.score(unpackScoreItems(msg), host)));
      }
      case 'cs→bg:correction-layer':
        return answer(msg.type, { layer: await deps.correctionLayer() });
      case 'cs→bg:recent-contacts':
        // Only people seen on the sender's own site: never another site's customers.
        return answer(msg.type, { contacts: await deps.recentContacts(msg.limit, contactPrefixesFor(sender.url ?? '')) });
      case 'cs→bg:activate':
        await deps.activate(sender.tab?.id ?? -1, sender.frameId ?? 0);
        return answer(msg.type, {});
      case 'cs→bg:need-ui':
        await deps.injectUi(sender.tab?.id ?? -1, sender.frameId ?? 0);
        return answer(msg.type, {});
      case 'cs→bg:learn-reader': {
        // Filed under the frame that sent it, never under a host the page names.
        const host = new URL(sender.url!).hostname;
        if (!deps.saveLearnedReader) return { ok: false, error: 'learning is not available here' };
        await deps.saveLearnedReader(host, msg.reader);
        return answer(msg.type, { host });
      }
      case 'cs→bg:expand-shortcut': {
        if (!deps.expandShortcut) return { ok: false, error: 'shortcuts are not available here' };
        // The customer's name comes from a post placed like any other: never one from another site.
        const scoped = msg.post ? scopePost(msg.post, sender) : null;
        if (scoped && !scoped.ok) return { ok: false, error: `refused: ${scoped.reason}` };
        return answer(msg.type, await deps.expandShortcut(msg.shortcut, scoped?.post ?? null, msg.alone));
      }
      case 'cs→bg:page-settings':
        if (!deps.pageSettings) return { ok: false, error: 'settings are not available here' };
        return answer(msg.type, { settings: await deps.pageSettings() });
      case 'cs→bg:open-dashboard':
        await deps.openDashboard();
        return answer(msg.type, {});
      case 'cs→bg:ui-state': {
        if (!deps.uiState) return { ok: false, error: 'no overlay here' };
        // The post the helper shows is placed like any other: never one from another site.
        const helper = msg.state.helper;
        if (helper) {
          const scoped = scopePost(helper.post, sender);
          if (!scoped.ok) return { ok: false, error: `refused: ${scoped.reason}` };
        }
        deps.uiState(msg.token, msg.state, sender);
        return answer(msg.type, {});
      }
    }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
