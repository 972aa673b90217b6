/**
 * Parser for VS Code's snippet syntax (https://code.visualstudio.com/docs/editing/userdefinedsnippets#_grammar):
 *
 *   any         ::= tabstop | placeholder | choice | variable | text
 *   tabstop     ::= '$' int | '${' int '}'
 *   placeholder ::= '${' int ':' any '}'
 *   choice      ::= '${' int '|' text (',' text)* '|}'
 *   variable    ::= '$' var | '${' var '}' | '${' var ':' any '}'
 *   var         ::= [_a-zA-Z] [_a-zA-Z0-9]*
 *   int         ::= [0-9]+
 *
 * Where VS Code silently falls back to plain text on a malformed `${`, we report a
 * structured error instead: templates are written by support staff in a textarea,
 * and a reply that goes out with a stray "${1:name" in it is worse than a red line
 * under the template. A lone `$` that starts nothing (e.g. "$ 5") stays text, as in VS Code.
 * Transforms (`${1/re/fmt/}`) are not supported and are reported as errors.
 */

export type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; offset: number }
  | { kind: 'placeholder'; index: number; offset: number; children: SnippetNode[] }
  | { kind: 'choice'; index: number; offset: number; options: string[] }
  | { kind: 'variable'; name: string; offset: number; children?: SnippetNode[] };

export interface SnippetError {
  message: string;
  /** UTF-16 offset into the source where the problem starts. */
  offset: number;
}

export type ParseResult = { ok: true; nodes: SnippetNode[] } | { ok: false; error: SnippetError };

/** Deep nesting is never useful in a reply and would otherwise risk the call stack. */
const MAX_DEPTH = 32;

const DIGIT = /[0-9]/;
const VAR_START = /[_a-zA-Z]/;
const VAR_PART = /[_a-zA-Z0-9]/;

class SnippetSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

export function parseSnippet(source: string): ParseResult {
  try {
    const parser = new Parser(source);
    const nodes = parser.parseSequence(0, false);
    return { ok: true, nodes };
  } catch (e) {
    if (e instanceof SnippetSyntaxError) return { ok: false, error: { message: e.message, offset: e.offset } };
    return { ok: false, error: { message: String(e), offset: 0 } };
  }
}

/** "unclosed ${ at offset 12" — the form used in import errors and the editor. */
export function formatSnippetError(error: SnippetError): string {
  return `${error.message} at offset ${error.offset}`;
}

class Parser {
  private pos = 0;

  constructor(private readonly src: string) {}

  /** Reads nodes until end of input or, when `nested`, an unescaped `}` (left unconsumed). */
  parseSequence(depth: number, nested: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos]!;
      if (ch === '\\') {
        const next = this.src[this.pos + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          this.pos += 2;
        } else {
          text += ch;
          this.pos += 1;
        }
      } else if (nested && ch === '}') {
        break;
      } else if (ch === '$') {
        const node = this.parseDollar(depth);
        if (node) {
          flush();
          nodes.push(node);
        } else {
          text += ch;
          this.pos += 1;
        }
      } else {
        text += ch;
        this.pos += 1;
      }
    }
    flush();
    return nodes;
  }

  /** At a `$`: returns the node it starts, or null when it is a literal dollar. */
  private parseDollar(depth: number): SnippetNode | null {
    const start = this.pos;
    const next = this.src[start + 1];
    if (next === undefined) return null;
    if (DIGIT.test(next)) {
      this.pos = start + 1;
      return { kind: 'tabstop', index: this.readInt(), offset: start };
    }
    if (VAR_START.test(next)) {
      this.pos = start + 1;
      return { kind: 'variable', name: this.readVar(), offset: start };
    }
    if (next === '{') return this.parseBraced(start, depth);
    return null;
  }

  private parseBraced(start: number, depth: number): SnippetNode {
    if (depth >= MAX_DEPTH) throw new SnippetSyntaxError(`placeholders nested deeper than ${MAX_DEPTH}`, start);
    this.pos = start + 2;
    const c = this.src[this.pos];
    if (c === undefined) throw new SnippetSyntaxError('unclosed ${', start);
    if (DIGIT.test(c)) {
      const index = this.readInt();
      const after = this.src[this.pos];
      if (after === '}') {
        this.pos += 1;
        return { kind: 'tabstop', index, offset: start };
      }
      if (after === ':') {
        this.pos += 1;
        const children = this.parseSequence(depth + 1, true);
        this.expectClose(start);
        return { kind: 'placeholder', index, offset: start, children };
      }
      if (after === '|') {
        this.pos += 1;
        return { kind: 'choice', index, offset: start, options: this.readChoices(start) };
      }
      if (after === '/') throw new SnippetSyntaxError('transforms are not supported', this.pos);
      if (after === undefined) throw new SnippetSyntaxError('unclosed ${', start);
      throw new SnippetSyntaxError(`unexpected "${after}" after tab stop number`, this.pos);
    }
    if (VAR_START.test(c)) {
      const name = this.readVar();
      const after = this.src[this.pos];
      if (after === '}') {
        this.pos += 1;
        return { kind: 'variable', name, offset: start };
      }
      if (after === ':') {
        this.pos += 1;
        const children = this.parseSequence(depth + 1, true);
        this.expectClose(start);
        return { kind: 'variable', name, offset: start, children };
      }
      if (after === '/') throw new SnippetSyntaxError('transforms are not supported', this.pos);
      if (after === undefined) throw new SnippetSyntaxError('unclosed ${', start);
      throw new SnippetSyntaxError(`unexpected "${after}" after variable name`, this.pos);
    }
    throw new SnippetSyntaxError('expected a tab stop number or variable name after ${', this.pos);
  }

  private expectClose(start: number): void {
    if (this.src[this.pos] !== '}') throw new SnippetSyntaxError('unclosed ${', start);
    this.pos += 1;
  }

  /** After `${1|`: options separated by `,`, ended by `|}`. Empty options are a bad choice, as in VS Code. */
  private readChoices(start: number): string[] {
    const options: string[] = [];
    let current = '';
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos]!;
      if (ch === '\\') {
        const next = this.src[this.pos + 1];
        if (next !== undefined && ',|\\$}'.includes(next)) {
          current += next;
          this.pos += 2;
          continue;
        }
        current += ch;
        this.pos += 1;
      } else if (ch === ',' || ch === '|') {
        if (current === '') throw new SnippetSyntaxError('bad choice: empty option', this.pos);
        options.push(current);
        current = '';
        this.pos += 1;
        if (ch === '|') {
          if (this.src[this.pos] !== '}') throw new SnippetSyntaxError('bad choice: expected "}" after "|"', this.pos);
          this.pos += 1;
          return options;
        }
      } else {
        current += ch;
        this.pos += 1;
      }
    }
    throw new SnippetSyntaxError('unclosed ${', start);
  }

  private readInt(): number {
    const begin = this.pos;
    while (this.pos < this.src.length && DIGIT.test(this.src[this.pos]!)) this.pos += 1;
    return Number(this.src.slice(begin, this.pos));
  }

  private readVar(): string {
    const begin = this.pos;
    while (this.pos < this.src.length && VAR_PART.test(this.src[this.pos]!)) this.pos += 1;
    return this.src.slice(begin, this.pos);
  }
}
