/** A tweet as a blog or forum comment would say it: every @handle removed (issue 20's robustness check). */
export function stripHandles(text: string): string {
  return text.replace(/@\w+:?/g, ' ').replace(/[ \t]+/g, ' ').trim();
}
