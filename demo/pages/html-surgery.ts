// String-level HTML edits for building demo pages from saved captures. The captures are
// machine-written markup (React, WordPress), regular enough that balanced-tag scanning works,
// and string edits keep every untouched byte of the original.

/** [start, end) of the element whose opening tag contains `index`. */
export function elementAround(html: string, index: number): [number, number] {
  const start = html.lastIndexOf('<', index);
  const tag = /^<([a-zA-Z0-9-]+)/.exec(html.slice(start))?.[1];
  if (!tag) throw new Error(`no opening tag before offset ${index}`);
  const pattern = new RegExp(`<(/?)${tag}(?=[\\s>/])[^>]*>`, 'g');
  pattern.lastIndex = start;
  let depth = 0;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    if (match[0].endsWith('/>')) continue;
    depth += match[1] ? -1 : 1;
    if (depth === 0) return [start, match.index + match[0].length];
  }
  throw new Error(`unbalanced <${tag}> at offset ${start}`);
}

/** The outer HTML of the element whose opening tag holds `marker` (first occurrence). */
export function extractElement(html: string, marker: string): string {
  const [start, end] = elementAround(html, indexOfOrThrow(html, marker));
  return html.slice(start, end);
}

export function removeElement(html: string, marker: string): string {
  const [start, end] = elementAround(html, indexOfOrThrow(html, marker));
  return html.slice(0, start) + html.slice(end);
}

export function replaceElement(html: string, marker: string, replacement: string): string {
  const [start, end] = elementAround(html, indexOfOrThrow(html, marker));
  return html.slice(0, start) + replacement + html.slice(end);
}

/** Pages must render offline: no scripts, no stylesheets or fonts from hosts we do not serve. */
export function stripForOffline(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>\s*/gi, '')
    .replace(/<link\b[^>]*rel=['"]?(?:stylesheet|preload|prefetch|preconnect|dns-prefetch|modulepreload)[^>]*>\s*/gi, '')
    .replace(/<iframe\b[\s\S]*?<\/iframe>\s*/gi, '');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A round avatar with initials, inline so screenshots need no network. */
export function avatarDataUri(name: string, color: string): string {
  const initials = name
    .split(/\s+/)
    .map((word) => word[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">` +
    `<rect width="96" height="96" fill="${color}"/>` +
    `<text x="48" y="60" font-family="Arial,sans-serif" font-size="38" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

function indexOfOrThrow(html: string, marker: string): number {
  const index = html.indexOf(marker);
  if (index < 0) throw new Error(`marker not found: ${marker}`);
  return index;
}
