import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { DatabaseGate } from '@/components/pages/DatabaseGate';
import { PopupApp } from '@/components/pages/PopupApp';

// MV3 extension pages forbid `new Function`; zod must validate without its JIT.
z.config({ jitless: true });

createRoot(document.getElementById('root')!).render(<DatabaseGate>{(db) => <PopupApp db={db} />}</DatabaseGate>);
