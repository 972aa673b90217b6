/**
 * Only a web link may be opened or stored as a permalink: pages and imported files decide
 * these strings, and a `javascript:` or `data:` link behind a click runs in whatever opens it.
 */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
