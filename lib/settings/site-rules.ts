import type { Settings } from './schema';

/**
 * The few settings the gate needs on every page, read without zod: the gate must stay a few
 * kilobytes so pages without posts pay almost nothing. Anything malformed means "defaults".
 */
export type SiteRules = Pick<Settings, 'siteMode' | 'allowedHosts' | 'disabledHosts'>;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function siteRulesFrom(raw: unknown): SiteRules {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    siteMode: r.siteMode === 'only-listed' ? 'only-listed' : 'all',
    allowedHosts: strings(r.allowedHosts),
    disabledHosts: strings(r.disabledHosts),
  };
}

/**
 * Whether the stored settings hold a reader for this host, read without zod: the gate runs on
 * every page and must stay small. Anything malformed means "no".
 */
export function hasLearnedReader(raw: unknown, host: string): boolean {
  const readers = (raw as { learnedReaders?: unknown } | null | undefined)?.learnedReaders;
  return typeof readers === 'object' && readers !== null && Object.prototype.hasOwnProperty.call(readers, host);
}
