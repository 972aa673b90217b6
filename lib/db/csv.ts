/**
 * RFC 4180 CSV with a guard against formula injection: customer text ends up in the
 * spreadsheets of people who never saw the page, and a cell starting with = + - @ (or a
 * tab / carriage return) would run as a formula in Excel or Sheets. Such cells get a
 * leading apostrophe, the OWASP-recommended neutraliser. Numbers are written as numbers.
 */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = Array.isArray(value) ? value.join('; ') : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  // `;` too: spreadsheets in locales whose list separator is `;` (de, fr, nl…) split on it.
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCSV(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
