import { nativeWarn } from './page-globals';

/**
 * Runs our code so that an exception never reaches the page's own stack (uBlock Origin practice)
 * and a broken adapter on a busy page logs one line per kind of failure, not one per post.
 */
export function createErrorGate(
  label = 'frontline/scan',
  warn: (...args: unknown[]) => void = nativeWarn,
): {
  guard<T>(kind: string, fn: () => T): T | undefined;
  report(kind: string, error: unknown): void;
  kinds(): readonly string[];
} {
  const seen = new Set<string>();
  const report = (kind: string, error: unknown): void => {
    if (seen.has(kind)) return;
    seen.add(kind);
    try {
      warn(`[${label}] ${kind} failed; further ${kind} errors are not logged`, error);
    } catch {
      // A console that throws is the page's problem; we still must not throw into it.
    }
  };
  return {
    guard(kind, fn) {
      try {
        return fn();
      } catch (error) {
        report(kind, error);
        return undefined;
      }
    },
    report,
    kinds: () => [...seen],
  };
}
