import { z } from 'zod';
export * from '../../lib/db';
export { default as Dexie } from 'dexie';
z.config({ jitless: true });
export { buildDirectoryIndex, matchIndex } from '../../lib/db/directory-index';
export { checkExportFile } from '../../lib/db/export-file-check';
