/**
 * First-in first-out queue with O(1) shift and no use of `Array.prototype.push`/`shift`
 * (index writes only), so a page that patches array methods cannot break our queues.
 */
export class Fifo<T> {
  private items: Array<T | undefined> = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  add(item: T): void {
    this.items[this.items.length] = item;
  }

  peek(): T | undefined {
    return this.head < this.items.length ? this.items[this.head] : undefined;
  }

  take(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined; // let the element be collected while the queue lives on
    this.head += 1;
    if (this.head === this.items.length) this.clear();
    else if (this.head > 1024 && this.head * 2 > this.items.length) this.compact();
    return item;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }

  private compact(): void {
    const rest: Array<T | undefined> = [];
    for (let i = this.head; i < this.items.length; i += 1) rest[rest.length] = this.items[i];
    this.items = rest;
    this.head = 0;
  }
}
