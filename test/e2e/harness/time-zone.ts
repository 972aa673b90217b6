/**
 * The e2e browser's time zone. CI runs at any hour, so the suite proves itself at chosen
 * local hours instead of the hour it happens to run: FRONTLINE_E2E_LOCAL_HOUR=6 picks the
 * fixed-offset zone in which it is now 06:xx (before the working day), =22 one in which it is
 * 22:xx (after it). Chromium reads TZ for the whole browser: pages, content scripts, extension
 * pages and the service worker. FRONTLINE_E2E_TZ names a zone directly.
 *
 * The harness reads the real clock here on purpose: it chooses a zone for the real instant.
 */
export function e2eTimeZone(env: NodeJS.ProcessEnv = process.env, at: number = Date.now()): string | undefined {
  if (env.FRONTLINE_E2E_TZ) return env.FRONTLINE_E2E_TZ;
  const hour = env.FRONTLINE_E2E_LOCAL_HOUR;
  if (hour === undefined || hour === '') return undefined;
  return zoneForLocalHour(Number(hour), at);
}

/** An IANA `Etc/GMT±N` zone whose local hour at `at` is `hour` (offsets −12 … +14 exist). */
export function zoneForLocalHour(hour: number, at: number): string {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error(`FRONTLINE_E2E_LOCAL_HOUR must be 0–23, not ${hour}`);
  const utcHour = new Date(at).getUTCHours();
  let offset = (((hour - utcHour) % 24) + 24) % 24;
  if (offset > 14) offset -= 24;
  // POSIX sign: Etc/GMT-5 is five hours *ahead* of UTC.
  if (offset === 0) return 'Etc/GMT';
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}
