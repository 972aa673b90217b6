import type { Platform, Severity, Signals } from '../types';
import { PLATFORM_NAMES } from './profile';
import { SIGNAL_KEYS, type Template } from './template-schema';

export interface Situation {
  severity: Severity;
  signals: Signals;
  platform: Platform;
  returning: boolean;
}

export interface RankedTemplate {
  template: Template;
  score: number;
  /** Short and human: "fits severity 4 · churn · returning". */
  reason: string;
}

/**
 * Orders templates best-first for the post being answered. The weights say what matters
 * most to an agent: a reply written for this exact signal (abuse, churn) or a returning
 * customer beats one that merely fits the severity; a template written for another site,
 * or for a signal the post does not have, sinks.
 */
export function rankTemplates(templates: readonly Template[], situation: Situation): RankedTemplate[] {
  return templates
    .map((template, order) => ({ order, ...score(template, situation) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ order: _order, ...ranked }) => ranked);
}

function score(template: Template, s: Situation): RankedTemplate {
  let points = 0;
  const reasons: string[] = [];

  if (template.severities.length === 0) points += 1;
  else if (template.severities.includes(s.severity)) {
    points += 3;
    reasons.push(`fits severity ${s.severity}`);
  } else {
    points -= Math.min(...template.severities.map((v) => Math.abs(v - s.severity)));
  }

  for (const key of template.signals ?? []) {
    if (s.signals[key]) {
      points += key === 'brand' ? 1 : 3;
      reasons.push(key);
    } else if (key !== 'brand') points -= 2;
  }
  // Posts with abuse should surface the boundary reply first, not a cheerful apology.
  const active = SIGNAL_KEYS.filter((k) => s.signals[k]);
  for (const key of template.unsuitableFor ?? []) if (s.signals[key]) points -= 3;
  if (active.includes('abuse') && !(template.signals ?? []).includes('abuse')) points -= 1;

  if (template.returning) {
    if (s.returning) {
      points += 3;
      reasons.push('returning');
    } else points -= 2;
  }

  if (template.platforms) {
    if (template.platforms.includes(s.platform)) {
      points += 2;
      reasons.push(`for ${PLATFORM_NAMES[s.platform]}`);
    } else points -= 4;
  }

  return { template, score: points, reason: reasons.length ? reasons.join(' · ') : 'general reply' };
}
