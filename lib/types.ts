/**
 * Shared shapes that flow one way: page → adapter → scanner → detector → UI → background.
 * Defined in lib/model (zod schemas, types inferred); re-exported here for the many files that
 * import them from this path.
 */
export { PLATFORMS, type Platform } from './model/platforms';
export type { Severity } from './model/severity';
export type { Signals } from './model/signals';
export type { Post } from './model/post';
export type { Verdict, DetectOptions } from './model/verdict';
