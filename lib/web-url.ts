/**
 * An http(s) address a URL parser surely accepts: a lower-case scheme, a host of plain DNS labels
 * whose last starts with a letter (not an IPv4 number, no punycode label to check, no port or user),
 * then nothing or a path, query or fragment (which a parser percent-encodes, never refuses).
 */
export const PLAIN_WEB_ORIGIN = String.raw`^https?:\/\/(?!(?:[^/?#]*\.)?xn--)(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z](?:[a-z0-9-]*[a-z0-9])?`;
const PLAIN_WEB = new RegExp(`${PLAIN_WEB_ORIGIN}(?:[/?#]|$)`);

/**
 * Only a web link may be opened or stored as a permalink: pages and imported files decide
 * these strings, and a `javascript:` or `data:` link behind a click runs in whatever opens it.
 * Every flagged post the page script sends is checked (lib/content/clip-post.ts): a plain address
 * is known good without the parser (~2.5 µs a post on a flood, issue 18); a test holds the
 * shortcut to the parser's answer.
 */
export function isWebUrl(url: string): boolean {
  if (PLAIN_WEB.test(url)) return true;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
