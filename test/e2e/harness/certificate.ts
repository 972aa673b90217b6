import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface Certificate {
  key: string;
  cert: string;
}

// Cached between runs so every test file does not pay for key generation.
// Chromium runs with --ignore-certificate-errors, so the names in it do not matter.
const CACHE_FILE = path.resolve('node_modules/.cache/frontline-cert/cert.json');
const VALID_DAYS = 30;

export async function loadCertificate(): Promise<Certificate> {
  const cached = await readCached();
  if (cached) return cached;
  const notBeforeDate = new Date(Date.now() - 24 * 3600_000);
  const notAfterDate = new Date(Date.now() + VALID_DAYS * 24 * 3600_000);
  // EC keys take milliseconds; 2048-bit RSA can take seconds on a slow machine.
  const pems = await generate([{ name: 'commonName', value: 'frontline.test' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
  });
  const fresh = { key: pems.private, cert: pems.cert, notAfter: notAfterDate.toISOString() };
  await mkdir(path.dirname(CACHE_FILE), { recursive: true });
  await writeFile(CACHE_FILE, JSON.stringify(fresh));
  return { key: fresh.key, cert: fresh.cert };
}

async function readCached(): Promise<Certificate | null> {
  try {
    const stored = JSON.parse(await readFile(CACHE_FILE, 'utf8')) as Certificate & { notAfter: string };
    const oneDayLeft = Date.parse(stored.notAfter) - Date.now() > 24 * 3600_000;
    return oneDayLeft ? { key: stored.key, cert: stored.cert } : null;
  } catch {
    return null;
  }
}
