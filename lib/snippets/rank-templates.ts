import type { Theme } from '../model/themes';
import type { Platform, Severity, Signals } from '../types';
import { PLATFORM_NAMES } from './profile';
import { SIGNAL_KEYS, type Template } from './template-schema';

export interface Situation {
  severity: Severity;
  signals: Signals;
  platform: Platform;
  returning: boolean;
  /** What the post is about, from its words (themesOf); [] or absent when nothing matched. */
  themes?: readonly Theme[];
}

export interface RankedTemplate {
  template: Template;
  score: number;
  /** Short and human: "churn · about cancellation · fits severity 4". */
  reason: string;
}

/**
 * How much each kind of fit counts. The order says what matters to an agent reading the post:
 * what the customer is doing (insulting, leaving, asking) comes first, then what they are
 * talking about (billing, an outage), then how strongly they say it; the site only breaks ties,
 * except that a template written for another site never comes first.
 */
/** What the customer is doing: an insult or a customer leaving decides the reply; a question mark less so. */
const SIGNAL_WEIGHT = { abuse: 8, churn: 8, question: 4, urgency: 3 } as const;

const WEIGHT = {
  signalMissing: -4,
  brand: 1,
  theme: 5,
  severityFit: 2,
  severityDistance: -2,
  returningMatch: 5,
  returningMissing: -5,
  unsuitable: -8,
  /** An insult or a customer leaving must not get a cheerful reply written for something else. */
  abuseNotAddressed: -4,
  churnNotAddressed: -2,
  platformMatch: 1,
  platformMismatch: -20,
  /**
   * A post that is no complaint (severity 0: praise, thanks) never gets an apology first, even
   * when it names what was once wrong ("sorted out my DNS mess"): the reply must fit its mood.
   */
  complaintOnlyOnPraise: -6,
  /** A template that says nothing about when it fits is a fallback, never the first suggestion. */
  noMetadata: -10,
} as const;

/** Orders templates best-first for the post being answered (stable for equal scores). */
export function rankTemplates(templates: readonly Template[], situation: Situation): RankedTemplate[] {
  // Templates that say when they fit come first, whatever their score; a bare one is a fallback.
  return templates
    .map((template, order) => ({ order, described: hasMetadata(template) ? 1 : 0, ...score(template, situation) }))
    .sort((a, b) => b.described - a.described || b.score - a.score || a.order - b.order)
    .map(({ order: _order, described: _described, ...ranked }) => ranked);
}

function hasMetadata(t: Template): boolean {
  return t.severities.length > 0 || !!t.signals?.length || !!t.themes?.length || t.returning !== undefined || !!t.platforms?.length;
}

function score(template: Template, s: Situation): RankedTemplate {
  let points = 0;
  const reasons: string[] = [];
  const written = new Set(template.signals ?? []);

  for (const key of written) {
    if (key === 'brand') {
      if (s.signals.brand) points += WEIGHT.brand;
    } else if (s.signals[key]) {
      points += SIGNAL_WEIGHT[key];
      reasons.push(key === 'abuse' ? 'abusive post' : key === 'churn' ? 'may leave' : key);
    } else points += WEIGHT.signalMissing;
  }
  const active = SIGNAL_KEYS.filter((k) => s.signals[k]);
  for (const key of template.unsuitableFor ?? []) if (s.signals[key]) points += WEIGHT.unsuitable;
  if (active.includes('abuse') && !written.has('abuse')) points += WEIGHT.abuseNotAddressed;
  if (active.includes('churn') && !written.has('churn')) points += WEIGHT.churnNotAddressed;

  const themes = (template.themes ?? []).filter((t) => s.themes?.includes(t));
  if (themes.length > 0) {
    points += WEIGHT.theme;
    reasons.push(`about ${themes[0]!.replace('-', ' ')}`);
  }

  if (template.returning !== undefined) {
    if (template.returning === s.returning) {
      if (s.returning) {
        points += WEIGHT.returningMatch;
        reasons.push('returning');
      }
    } else points += template.returning ? WEIGHT.returningMissing : 0;
  }

  if (template.severities.includes(s.severity)) {
    points += WEIGHT.severityFit;
    reasons.push(`fits severity ${s.severity}`);
  } else if (template.severities.length > 0) {
    points += WEIGHT.severityDistance * Math.min(...template.severities.map((v) => Math.abs(v - s.severity)));
    if (s.severity === 0) points += WEIGHT.complaintOnlyOnPraise;
  }

  if (template.platforms?.length) {
    if (template.platforms.includes(s.platform)) {
      points += WEIGHT.platformMatch;
      reasons.push(`for ${PLATFORM_NAMES[s.platform]}`);
    } else points += WEIGHT.platformMismatch;
  }

  if (!hasMetadata(template)) points += WEIGHT.noMetadata;

  return { template, score: points, reason: reasons.length ? reasons.join(' · ') : 'general reply' };
}
