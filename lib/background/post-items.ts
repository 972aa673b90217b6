import { describeZodError, PostItemSchema, type PostItem } from '../messages';

export interface PartitionedItems {
  valid: PostItem[];
  /** Each valid item's index in the batch. */
  validIndex: number[];
  /** Why each refused item was refused, by its index in the batch. */
  dropped: Array<{ index: number; reason: string }>;
}

/**
 * Checks each item of a posts batch on its own. The page decides what a post says, so one
 * post it made invalid (a 245-character author, a `javascript:` link) must cost that post,
 * not the batch: before, a single bad item refused every complaint on the page.
 */
export function partitionPostItems(items: readonly unknown[]): PartitionedItems {
  const valid: PostItem[] = [];
  const validIndex: number[] = [];
  const dropped: PartitionedItems['dropped'] = [];
  items.forEach((item, index) => {
    const parsed = PostItemSchema.safeParse(item);
    if (parsed.success) {
      valid.push(parsed.data);
      validIndex.push(index);
    } else dropped.push({ index, reason: describeZodError(parsed.error) });
  });
  return { valid, validIndex, dropped };
}

/** One line for the worker's console per batch with refused items, however many there were. */
export function droppedWarning(dropped: PartitionedItems['dropped'], total: number): string {
  const first = dropped[0];
  return `[frontline] dropped ${dropped.length} of ${total} post(s) from a page: invalid${first ? ` (items[${first.index}].${first.reason})` : ''}`;
}
