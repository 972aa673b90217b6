/**
 * npm run --silent classify — JSON Lines {"id"?, "text"} on stdin, one verdict line per input
 * on stdout: {"id", "complaint", "severity", "score", "cues"}. Streams line by line (constant
 * memory). A bad line is reported on stderr with its id or line number and skipped; the exit
 * code is non-zero only when no line at all could be classified.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { languageOf } from '../lib/detect/language';
import { detect } from '../lib/detect/index';

const input = z.object({ id: z.union([z.string(), z.number()]).optional(), text: z.string() });

async function main(): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  let classified = 0;
  let failed = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      failed++;
      process.stderr.write(`line ${lineNo}: not valid JSON\n`);
      continue;
    }
    const row = input.safeParse(parsed);
    if (!row.success) {
      failed++;
      const id = (parsed as { id?: unknown } | null)?.id;
      const where = typeof id === 'string' || typeof id === 'number' ? `id ${JSON.stringify(id)} (line ${lineNo})` : `line ${lineNo}`;
      process.stderr.write(`${where}: expected {"id"?, "text": string}\n`);
      continue;
    }
    const v = detect(row.data.text);
    const id = row.data.id ?? String(lineNo);
    // As in the browser: a post the model would flag but written in another language is not read.
    const language = v.complaint ? languageOf(row.data.text) : 'en';
    const out = language === 'en'
      ? { id, complaint: v.complaint, severity: v.severity, score: Number(v.score.toFixed(4)), cues: v.cues }
      : { id, complaint: false, severity: 0, score: 0, cues: [], notRead: language };
    if (!process.stdout.write(JSON.stringify(out) + '\n')) await new Promise((r) => process.stdout.once('drain', r));
    classified++;
  }
  if (failed > 0) process.stderr.write(`${failed} line(s) skipped, ${classified} classified\n`);
  return classified === 0 ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (err: unknown) => {
  process.stderr.write(`classify: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
});
