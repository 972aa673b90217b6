import { config } from 'zod/v4/core';
import { startPopup } from '@/components/pages/popup-start';
// In the page's head, so the first drawing waits for no stylesheet fetched after React.
import '@/components/pages/theme.css';
import '@/components/pages/popup.css';

// MV3 extension pages forbid `new Function`; zod must validate without its JIT. Set through zod's
// core alone (a global setting): the first screen loads no schema, zod comes with the first write.
config({ jitless: true });

// The database opens and the first screen's lists (and the search directory) are read as soon as
// Dexie's code has run, while React's ~250 kB are still being loaded and compiled (issue 22,
// branch firstquery): this entry's static imports hold no React, so the browser evaluates it
// without waiting for them. Before, IndexedDB was asked only after every module of the page ran.
const start = startPopup();
void import('./mount').then(({ mountPopup }) => mountPopup(start));
