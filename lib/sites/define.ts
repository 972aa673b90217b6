import { siteMatchesUrl, type SiteDescriptor } from './descriptor';
import type { SiteAdapter, SiteReader } from './types';

/**
 * An adapter from its two halves: the descriptor (data) and the reader. Everything else the
 * registry needs is derived here. Free of side effects, so the gate, which imports adapter
 * files for their descriptors only, leaves the reader out of its bundle.
 */
export /*#__NO_SIDE_EFFECTS__*/ function defineAdapter(site: SiteDescriptor, reader: SiteReader): SiteAdapter {
  return {
    ...reader,
    site,
    platform: site.platform,
    name: site.id,
    matches: (url) => siteMatchesUrl(site, url),
    sniff: site.sniff,
    generator: site.generator,
  };
}
