import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { OptionsPage } from '@/components/options/OptionsPage';

// MV3 extension pages forbid `new Function`; zod must validate without its JIT.
z.config({ jitless: true });

createRoot(document.getElementById('root')!).render(<OptionsPage />);
