/**
 * The detector runs here, in the background, not beside the page (issue 18): the content script
 * reads each post's words and sends them in batches (`cs→bg:score`); this answers which of them
 * to mark. The page's main thread then pays neither for the model (263 kB of weights to compile
 * and about 4 MB of heap in every tab that scans) nor for scoring, and this side keeps the agent's
 * correction layer without copying it into each page.
 */
import { detect } from '../detect';
import { adaptVerdict, adapterFromState, type Adapter, type AdapterState } from '../detect/adapt';
import { languageOf } from '../detect/language';
import { model } from '../detect/model';
import type { ScoreItem, ScoreResult } from '../messages';
import type { Verdict } from '../types';
import { focusFor, type Settings } from '../settings';
import { isShortSocialHost } from '../sites/hosts';

export interface ScoreContext {
  brandTerms: readonly string[];
  /** 'brand': only posts about us are flagged; 'all': every complaint (settings focusFor, by the sender's host). */
  focus: 'brand' | 'all';
  /** The agent's correction layer (lib/background/corrections.ts), null when they corrected nothing. */
  layer: AdapterState | null;
  /**
   * 'social' when the sender frame's host is a short-form social site (lib/sites/hosts.ts
   * isShortSocialHost, from the URL the browser reports, never a field the page sends): severity
   * then reads the posts as social posts (DetectOptions.source).
   */
  source?: 'social';
}

/**
 * The context for a batch from the frame at `host` (from the URL the browser reports for the
 * sender, never one the page names): its focus, and the 'social' source on short-form social sites.
 */
export function scoreContextFor(settings: Pick<Settings, 'brandTerms' | 'focus' | 'focusByHost'>, host: string, layer: AdapterState | null): ScoreContext {
  const ctx: ScoreContext = { brandTerms: settings.brandTerms, focus: focusFor(settings, host), layer };
  if (isShortSocialHost(host)) ctx.source = 'social';
  return ctx;
}

/**
 * Is this complaint the agent's business? With no brand terms set there is nothing to
 * focus on, so every complaint counts (a first run must not look broken).
 */
export function inFocus(verdict: Verdict, quoted: string | undefined, ctx: Pick<ScoreContext, 'brandTerms' | 'focus'>): boolean {
  if (!verdict.complaint || verdict.severity === 0) return false;
  if (ctx.focus === 'all' || ctx.brandTerms.length === 0) return true;
  if (verdict.signals.brand) return true;
  const q = quoted?.toLowerCase() ?? '';
  return ctx.brandTerms.some((t) => q.includes(t.toLowerCase()));
}

// The layer arrives as state; decoded once per fit, not per batch.
let decoded: { state: AdapterState; adapter: Adapter | null } | null = null;
function adapterOf(state: AdapterState | null): Adapter | null {
  if (!state) return null;
  if (decoded?.state !== state) {
    let adapter: Adapter | null = null;
    try {
      adapter = adapterFromState(state);
    } catch {
      // A layer from another build (its table size differs): the shipped verdicts stand until the next fit.
    }
    decoded = { state, adapter };
  }
  return decoded.adapter;
}

/** The detector's verdict with the agent's corrections applied; cues computed, so the verdict travels whole. */
export function verdictFor(text: string, brandTerms: readonly string[], layer: AdapterState | null, source?: 'social'): Verdict {
  return whole(scored(text, brandTerms, adapterOf(layer), source));
}

function scored(text: string, brandTerms: readonly string[], adapter: Adapter | null, source?: 'social'): Verdict {
  const raw = detect(text, { brandTerms, source });
  return adapter ? adaptVerdict(raw, text, adapter, model().complaint.threshold) : raw;
}

/** A plain verdict: the detector's lazy cues read now, so the message carries them. */
const whole = (v: Verdict): Verdict => ({ complaint: v.complaint, score: v.score, severity: v.severity, cues: [...v.cues], signals: v.signals });

/**
 * One batch from a page: the posts to mark (by their place in the batch) with their verdicts, and
 * those the model would have flagged but that are not in English (the model reads English only:
 * another language is not read, never scored as English). Every other post is read and not ours.
 */
export function scorePosts(items: readonly ScoreItem[], ctx: ScoreContext): ScoreResult {
  const result: ScoreResult = { flagged: [], notRead: [] };
  const adapter = adapterOf(ctx.layer);
  for (const [index, item] of items.entries()) {
    const v = scored(item.text, ctx.brandTerms, adapter, ctx.source);
    if (!inFocus(v, item.quoted, ctx)) continue;
    // Checked only for posts it would flag, so the cost is paid on few posts.
    const language = languageOf(item.text);
    if (language !== 'en') result.notRead.push({ index, language });
    else result.flagged.push({ index, verdict: whole(v) });
  }
  return result;
}
