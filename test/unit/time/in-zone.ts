import { afterEach } from 'vitest';

const original = process.env.TZ;

/**
 * Runs a test body in a named IANA time zone. Node re-reads TZ when it is assigned, so a
 * test can prove calendar behaviour east and west of UTC whatever zone the machine is in.
 */
export function inZone<T>(zone: string, body: () => T): T {
  process.env.TZ = zone;
  try {
    return body();
  } finally {
    restoreZone();
  }
}

function restoreZone(): void {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
}

afterEach(restoreZone);
