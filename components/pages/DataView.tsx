import type { FrontlineDB } from '@/lib/db';
import { DeleteAllPanel } from './DeleteAllPanel';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { RetentionPanel } from './RetentionPanel';

/** Backups, moving data between browsers, and forgetting it. */
export function DataView({ db }: { db: FrontlineDB }) {
  return (
    <div className="data-view stack-lg">
      <ExportPanel db={db} />
      <ImportPanel db={db} />
      <RetentionPanel db={db} />
      <DeleteAllPanel db={db} />
    </div>
  );
}
