/** Labelled data lives outside the repo (never committed): ../shared/data or $FRONTLINE_DATA. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface Row { id: string; text: string; complaint: number; severity?: number; domain?: string; emotion?: string; sentiment?: string }

export function dataDir(): string {
  return process.env.FRONTLINE_DATA ?? resolve(process.cwd(), '../shared/data');
}

export function load(file: 'complaints-tweets.jsonl' | 'complaints-finance-severity.jsonl'): Row[] {
  const path = resolve(dataDir(), file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`labelled data not found at ${path}; set FRONTLINE_DATA to the folder holding ${file}`);
  }
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Row);
}
