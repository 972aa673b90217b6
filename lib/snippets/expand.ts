import { parseSnippet, type SnippetError, type SnippetNode } from './parse';

export type Range = [start: number, end: number];

export interface TabStop {
  /** Snippet index: 1..n, and 0 for the final stop. */
  index: number;
  /** Every place this stop appears (mirrors), in text order. */
  ranges: Range[];
  choices?: string[];
}

export interface Expansion {
  text: string;
  /** Ordered the way Tab walks them: 1..n ascending, then 0. Never empty. */
  stops: TabStop[];
  /** Variables we could not resolve and left visible as `${NAME}`. */
  unknownVariables: string[];
  error?: SnippetError;
}

/**
 * Expands a snippet against a variable map.
 *
 * Differences from VS Code, on purpose:
 * - an unknown variable without a default stays visible as `${NAME}` (VS Code inserts the
 *   bare name), so a reply never goes out with "CUSTOMER_NAME" looking like a word;
 * - a known variable whose value is empty uses its default if it has one, so
 *   `Hi ${CUSTOMER_FIRST_NAME:there}` reads well when the page showed no name.
 * A malformed snippet yields its source as plain text plus the error, so the agent sees
 * exactly what they wrote.
 */
export function expandSnippet(source: string, vars: Readonly<Record<string, string>>): Expansion {
  const parsed = parseSnippet(source);
  if (!parsed.ok) {
    return { text: source, stops: [finalStopAt(source.length)], unknownVariables: [], error: parsed.error };
  }
  const defaults = firstDefaults(parsed.nodes);
  const ranges = new Map<number, Range[]>();
  const choices = new Map<number, string[]>();
  const unknown: string[] = [];
  let text = '';

  const addRange = (index: number, range: Range) => {
    const list = ranges.get(index);
    if (list) list.push(range);
    else ranges.set(index, [range]);
  };

  // `open` holds the stops being rendered, so `${1:a ${1:b}}` cannot recurse forever.
  const render = (nodes: readonly SnippetNode[], open: ReadonlySet<number>) => {
    for (const node of nodes) {
      switch (node.kind) {
        case 'text':
          text += node.value;
          break;
        case 'tabstop':
        case 'placeholder':
        case 'choice': {
          // A stop nested inside itself is dropped: it could never show the same text as its outer copy.
          if (open.has(node.index)) break;
          const start = text.length;
          const def = defaults.get(node.index);
          if (node.kind === 'choice') choices.set(node.index, choices.get(node.index) ?? node.options);
          if (def?.kind === 'choice') text += def.options[0] ?? '';
          else if (def) render(def.children, new Set(open).add(node.index));
          addRange(node.index, [start, text.length]);
          break;
        }
        case 'variable': {
          const value = vars[node.name];
          if (value !== undefined && value !== '') text += value;
          else if (node.children) render(node.children, open);
          else if (value === undefined) {
            text += '${' + node.name + '}';
            if (!unknown.includes(node.name)) unknown.push(node.name);
          }
          break;
        }
      }
    }
  };
  render(parsed.nodes, new Set());

  const stops: TabStop[] = [...ranges.keys()]
    .filter((i) => i !== 0)
    .sort((a, b) => a - b)
    .map((index) => withChoices({ index, ranges: sortRanges(ranges.get(index)!) }, choices.get(index)));
  const finalRanges = ranges.get(0);
  stops.push(finalRanges ? withChoices({ index: 0, ranges: sortRanges(finalRanges) }, choices.get(0)) : finalStopAt(text.length));
  return { text, stops, unknownVariables: unknown };
}

type DefaultNode = Extract<SnippetNode, { kind: 'placeholder' | 'choice' }>;

/** Same-index stops mirror the first one (in reading order) that has a default. */
function firstDefaults(nodes: readonly SnippetNode[]): Map<number, DefaultNode> {
  const found = new Map<number, DefaultNode>();
  const walk = (list: readonly SnippetNode[]) => {
    for (const node of list) {
      if ((node.kind === 'placeholder' || node.kind === 'choice') && !found.has(node.index)) found.set(node.index, node);
      if (node.kind === 'placeholder' || (node.kind === 'variable' && node.children)) walk(node.children ?? []);
    }
  };
  walk(nodes);
  return found;
}

function withChoices(stop: TabStop, options: string[] | undefined): TabStop {
  return options ? { ...stop, choices: options } : stop;
}

function finalStopAt(offset: number): TabStop {
  return { index: 0, ranges: [[offset, offset]] };
}

function sortRanges(list: Range[]): Range[] {
  return [...list].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
}
