import { ensureBuilt } from './build';

// Vitest global setup: runs once before any e2e file, in the main process.
export default function setup(): void {
  ensureBuilt();
}
