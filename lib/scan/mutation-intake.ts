/**
 * The MutationObserver side of the scanner, kept tiny on purpose: the callback runs inside the
 * page's own DOM work, so it only looks at nodeType/nodeName and queues (uBlock Origin practice).
 * Everything else, including containment and dedupe, happens later in a slice.
 */

/** Elements that can never hold a post, skipped before any work. */
const INERT = new Set(['SCRIPT', 'STYLE', 'META', 'LINK', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG', 'IFRAME', 'BR', 'HR', 'IMG']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export interface IntakeItem {
  el: Element;
  /**
   * The element itself may be a post whose text changed (text nodes were added under it).
   * For an added element this is false: re-inserting a read element alone is not a change.
   */
  changedInPlace: boolean;
}

export function collectAdded(
  records: readonly MutationRecord[],
  isOwnNode: (node: Node) => boolean,
  enqueue: (item: IntakeItem) => void,
): void {
  for (let r = 0; r < records.length; r += 1) {
    const record = records[r] as MutationRecord;
    const target = record.target;
    // Children added to our own UI (React re-rendering a mark) are ours too; no walk needed.
    if (isOwnNode(target)) continue;
    const added = record.addedNodes;
    let textAdded = false;
    for (let i = 0; i < added.length; i += 1) {
      const node = added[i] as Node;
      if (node.nodeType === TEXT_NODE) textAdded = true;
      else if (node.nodeType === ELEMENT_NODE && !INERT.has(node.nodeName) && !isOwnNode(node)) {
        enqueue({ el: node as Element, changedInPlace: false });
      }
    }
    // React and friends update a post's words by replacing text nodes; the target's post reads again.
    if (textAdded && target.nodeType === ELEMENT_NODE && !INERT.has(target.nodeName)) {
      enqueue({ el: target as Element, changedInPlace: true });
    }
  }
}
