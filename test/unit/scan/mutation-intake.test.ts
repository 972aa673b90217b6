import { expect, it } from 'vitest';
import { collectAdded, type IntakeItem } from '../../../lib/scan/mutation-intake';

/** Fake records: the callback may only look at nodeType/nodeName, so that is all these nodes have. */
const node = (nodeName: string, nodeType = 1) => ({ nodeName, nodeType }) as unknown as Node;
const record = (target: Node, ...added: Node[]) =>
  ({ type: 'childList', target, addedNodes: added }) as unknown as MutationRecord;

it('queues added elements and skips inert ones, text-only changes queue the parent as changed', () => {
  const div = node('DIV');
  const own = node('FRONTLINE-UI');
  const parent = node('P');
  const out: IntakeItem[] = [];
  collectAdded(
    [
      record(node('BODY'), div, node('SCRIPT'), node('STYLE'), node('META'), node('LINK'), node('NOSCRIPT'), node('TEMPLATE'), own),
      record(parent, node('#text', 3)),
      record(node('SCRIPT'), node('#text', 3)),
      record(own, node('DIV')),
      record(node('BODY'), node('#comment', 8)),
    ],
    (n) => n === own,
    (item) => void (out[out.length] = item),
  );
  expect(out).toEqual([
    { el: div, changedInPlace: false },
    { el: parent, changedInPlace: true },
  ]);
});
