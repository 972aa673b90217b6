/** Objects and arrays in a message as the browser would copy it (JSON, as Chrome's extension messaging does). */
export function containers(message: unknown): number {
  let n = 0;
  JSON.parse(JSON.stringify(message), (_k, v: unknown) => {
    if (v !== null && typeof v === 'object') n += 1;
    return v;
  });
  return n;
}
