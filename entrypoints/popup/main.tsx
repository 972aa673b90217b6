import { config } from 'zod/v4/core';
import { createRoot } from 'react-dom/client';
import { DatabaseGate } from '@/components/pages/DatabaseGate';
import { PopupApp } from '@/components/pages/PopupApp';
import { startPopup } from '@/components/pages/popup-start';

// MV3 extension pages forbid `new Function`; zod must validate without its JIT. Set through zod's
// core alone (a global setting): the first screen loads no schema, zod comes with the first write.
config({ jitless: true });

// The database and the first screen's lists are read while React mounts.
const start = startPopup();
createRoot(document.getElementById('root')!).render(
  <DatabaseGate opening={start.opening}>{(db) => <PopupApp db={db} first={start.firstScreen()} />}</DatabaseGate>,
);
