import { siteMatchesUrl } from '../sites/descriptor';
import { SITES } from '../sites/registry';

/**
 * The cheap first look every page gets: "might this page hold posts?" Known hosts answer by
 * URL alone (their posts may arrive later, SPA). Elsewhere the answer comes from probes the
 * browser answers from its own indexes — ids, class names, the head's generator meta — instead
 * of matching a long selector list against every element (measured in Chromium on a 1,300-
 * element article: ~0.4 ms for the selector list, a few µs for the probes). No attribute
 * selectors: matching one makes Chromium synchronise every element's lazy attributes (inline
 * styles), 0.3 ms on that article even with no match; so pages whose comments are marked only
 * by schema.org microdata, with no comment-like id or class, do not wake the full script (the
 * context menu still works there). Class probes are the few that ids and the generator meta
 * do not already cover. Each site's probes are in its descriptor (SiteDescriptor.gate); a unit test
 * checks that every adapter's `sniff` page passes this gate.
 */
const PROBES = {
  ids: unique(SITES.flatMap((site) => site.gate.ids ?? [])),
  classes: unique(SITES.flatMap((site) => site.gate.classes ?? [])),
  generators: unique(SITES.flatMap((site) => site.gate.generators ?? [])),
};

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}

/** Known hosts by descriptor alone: the gate's bundle carries no reader (lib/sites/registry.ts). */
const BY_HOST = SITES.filter((site) => site.hosts.length > 0);

export function pageMayHavePosts(doc: Document, url: URL): boolean {
  if (BY_HOST.some((site) => siteMatchesUrl(site, url))) return true;
  for (const id of PROBES.ids) if (doc.getElementById(id)) return true;
  for (const name of PROBES.classes) if (doc.getElementsByClassName(name).length > 0) return true;
  return PROBES.generators.some((g) => generatorOf(doc).startsWith(g));
}

/** `<meta name="generator">` read by walking the head's children: an attribute selector would synchronise attributes. */
function generatorOf(doc: Document): string {
  for (const el of doc.head?.children ?? []) {
    if (el.tagName === 'META' && el.getAttribute('name') === 'generator') return el.getAttribute('content') ?? '';
  }
  return '';
}
