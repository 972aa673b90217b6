import { engineAdapter, engineSite, type EngineSpec } from '../engine';

/** FluxBB and PunBB (div.blockpost), self-hosted: the Arch Linux forums and many old communities. */
const F = 'wild/fluxbb--wcxb--bbs.archlinux.org-viewtopic-298271.html';

const spec: EngineSpec = {
  name: 'fluxbb',
  gate: { ids: ['punviewtopic'], classes: ['blockpost'] },
  selectors: {
    fingerprint: { css: '#punviewtopic div.blockpost, div.blockpost[id^="p"] .postmsg', checkedAgainst: F },
    post: { css: 'div.blockpost[id^="p"]', checkedAgainst: F },
    author: { css: '.postleft dt', checkedAgainst: F },
    // The signature is a .postmsg too, outside .postright.
    text: { css: '.postright > .postmsg', checkedAgainst: F },
    quote: { css: '.quotebox', checkedAgainst: F },
    notOwn: { css: '.postedit', checkedAgainst: F },
    permalink: { css: 'h2 a[href*="#p"]', checkedAgainst: F },
  },
  composer: '#quickpost textarea[name="req_message"]',
};

export const fluxbbSite = engineSite(spec);
export const fluxbbAdapter = engineAdapter(spec, fluxbbSite);
