import { siteMatchesUrl } from '../sites/descriptor';
import { PROFILE_HREF } from '../sites/reader/gate';
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
  return PROBES.generators.some((g) => generatorOf(doc).startsWith(g)) || linksToPeople(doc);
}

/** Different people linked to (their profile pages) before a page of unknown markup may be a conversation. */
const PEOPLE = 3;
/** Links looked at: a front page of thousands of links costs a bounded look. */
const LINKS_LOOKED_AT = 1_500;

/**
 * The last probe, for engines no id or class names (a WoltLab, Talkyard or IP.Board thread, a
 * Discourse embed, a Khoros topic): a conversation links to the pages of the several people in it
 * (/users/…, /members/…, ?uid=…: the reader's own PROFILE_HREF). The browser keeps the page's links
 * in `document.links`; only their href is read (no attribute selector, so nothing is synchronised).
 * An article linking its one author stays shut.
 */
function linksToPeople(doc: Document): boolean {
  const links = doc.links;
  if (!links) return false;
  const people = new Set<string>();
  for (let i = 0; i < links.length && i < LINKS_LOOKED_AT; i++) {
    const href = links[i]!.getAttribute('href');
    if (!href || !PROFILE_HREF.test(href)) continue;
    people.add(href);
    if (people.size >= PEOPLE) return true;
  }
  return false;
}

/** `<meta name="generator">` read by walking the head's children: an attribute selector would synchronise attributes. */
function generatorOf(doc: Document): string {
  for (const el of doc.head?.children ?? []) {
    if (el.tagName === 'META' && el.getAttribute('name') === 'generator') return el.getAttribute('content') ?? '';
  }
  return '';
}
