/**
 * Saved pages may be windows-1252 with no charset declared (the vBulletin fixture): decode as UTF-8
 * when the bytes are valid UTF-8, else as windows-1252, which is what browsers guess for such pages.
 */
export function decodePage(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
