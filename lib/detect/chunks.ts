/**
 * Long posts are scored sentence by sentence too, so one angry paragraph inside a long
 * friendly comment is not averaged away. Sentences shorter than MIN_CHUNK join the next
 * one (a lone "Thanks." says little); the number of chunks is capped to bound the work.
 */
export const LONG_TEXT = 280;
const MIN_CHUNK = 40;
const MAX_CHUNKS = 40;

export function splitChunks(norm: string): string[] {
  const chunks: string[] = [];
  let start = 0;
  let i = 0;
  const n = norm.length;
  while (i < n && chunks.length < MAX_CHUNKS) {
    const c = norm.charCodeAt(i);
    const end = c === 10 || ((c === 46 || c === 33 || c === 63) && (i + 1 === n || isBreak(norm.charCodeAt(i + 1))));
    i++;
    if (end && i - start >= MIN_CHUNK) {
      chunks.push(norm.slice(start, i));
      start = i;
    }
  }
  if (start < n && chunks.length < MAX_CHUNKS) {
    const rest = norm.slice(start);
    if (rest.trim().length < MIN_CHUNK && chunks.length > 0) chunks[chunks.length - 1] += rest;
    else chunks.push(rest);
  }
  return chunks;
}

function isBreak(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 34 || c === 41;
}
