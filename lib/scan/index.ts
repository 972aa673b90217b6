/** Page scanner: finds new posts as the page changes, in time slices, visible ones first. */
export { createScanner, DEFAULT_RATE } from './scanner';
export { Fifo } from './fifo';
export { nativeNow } from './page-globals';
export { createSliceRunner } from './slice-runner';
export { createRateBudget } from './rate-budget';
export type { RateBudget, RateBudgetOptions } from './rate-budget';
export type { SliceRunner, SliceRunnerOptions, SliceRunnerStats, SliceTask } from './slice-runner';
export type { ScanAdapter, ScannedPost, Scanner, ScannerOptions, ScannerStats } from './types';
