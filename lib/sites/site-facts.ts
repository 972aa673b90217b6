import { PLATFORM_NAMES } from '../model/platforms';
import { replyLimitFor } from '../snippets/fit';
import type { SiteDescriptor } from './descriptor';
import { ID_PREFIX } from './post';

/** What the rest of Frontline derives from a descriptor's platform. */
export function siteFacts(site: SiteDescriptor) {
  return {
    displayName: PLATFORM_NAMES[site.platform],
    idPrefix: `${ID_PREFIX[site.platform] ?? site.platform}:`,
    /** Reply length limit where the site has one a reply can hit (short-form sites), else null. */
    replyLimit: replyLimitFor(site.platform),
  };
}
