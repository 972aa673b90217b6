import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { DashboardApp } from '@/components/pages/DashboardApp';
import { DatabaseGate } from '@/components/pages/DatabaseGate';

// MV3 extension pages forbid `new Function`; zod must validate without its JIT.
z.config({ jitless: true });

createRoot(document.getElementById('root')!).render(<DatabaseGate>{(db) => <DashboardApp db={db} />}</DatabaseGate>);
