import { DomainError } from '../model/errors.ts';
import { coder, type CodedMessage } from '../i18n/define.ts';
import { STUDY_TEXTS } from '../i18n/studies.ts';

/**
 * Formulas of study parameters: an entry amount such as `yield_t * 1000 / area_ha` or a declared
 * unit such as `capacity_kWh * cycles_per_year * years`. A small grammar parsed by recursive
 * descent, never by `eval`, so a formula typed by a user can only compute a number:
 *
 *   expr   := term (('+' | '-') term)*
 *   term   := unary (('*' | '/') unary)*
 *   unary  := '-' unary | power
 *   power  := atom ('^' unary)?          (right-associative: 2^3^2 = 2^9)
 *   atom   := number | name | name '(' expr (',' expr)* ')' | '(' expr ')'
 *
 * Names are parameter names (letters, digits, `_`, not starting with a digit). Pure: no I/O.
 */

export const FORMULA_MAX_LENGTH = 500;
const FUNCTIONS: Record<string, { arity: [number, number]; apply: (args: number[]) => number }> = {
  min: { arity: [1, 32], apply: (a) => Math.min(...a) },
  max: { arity: [1, 32], apply: (a) => Math.max(...a) },
  abs: { arity: [1, 1], apply: ([x]) => Math.abs(x!) },
  sqrt: { arity: [1, 1], apply: ([x]) => Math.sqrt(x!) },
  exp: { arity: [1, 1], apply: ([x]) => Math.exp(x!) },
  ln: { arity: [1, 1], apply: ([x]) => Math.log(x!) },
  round: { arity: [1, 1], apply: ([x]) => Math.round(x!) },
};

const coded = coder(STUDY_TEXTS);
type Reason = CodedMessage<string, Record<string, unknown>>;

/**
 * A formula that cannot be read or evaluated; `position` is the 0-based character at fault. The
 * API answers it as the study's parameters being refused (422 bad-parameters).
 */
export class FormulaError extends DomainError {
  /** why, in English (what a finding of the rule check quotes) */
  readonly reason: string;

  constructor(
    readonly formula: string,
    readonly position: number,
    reason: Reason,
  ) {
    super('invalid', 'bad-parameters', coded('formula.error', { formula, reason, position: position + 1 }));
    this.reason = reason.message;
  }
}

type Node =
  | { kind: 'number'; value: number }
  | { kind: 'name'; name: string; at: number }
  | { kind: 'neg'; arg: Node }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/' | '^'; left: Node; right: Node }
  | { kind: 'call'; name: string; args: Node[]; at: number };

/** A parsed formula: evaluate it as often as scenarios and sensitivity runs need. */
export interface Formula {
  readonly source: string;
  /** the parameter names it reads, in order of first use */
  readonly names: readonly string[];
  evaluate(values: Readonly<Record<string, number>>): number;
}

export function parseFormula(source: string): Formula {
  if (source.length > FORMULA_MAX_LENGTH)
    throw new FormulaError(
      source.slice(0, 40) + '…',
      FORMULA_MAX_LENGTH,
      coded('formula.too-long', { max: FORMULA_MAX_LENGTH }),
    );
  const parser = new Parser(source);
  const root = parser.parse();
  const names: string[] = [];
  collectNames(root, names);
  return {
    source,
    names,
    evaluate: (values) => {
      const x = evaluateNode(root, values, source);
      if (!Number.isFinite(x)) throw new FormulaError(source, 0, coded('formula.not-finite', { value: String(x) }));
      return x;
    },
  };
}

/** Parse and evaluate once. */
export function evaluateFormula(source: string, values: Readonly<Record<string, number>>): number {
  return parseFormula(source).evaluate(values);
}

function collectNames(node: Node, into: string[]): void {
  switch (node.kind) {
    case 'name':
      if (!into.includes(node.name)) into.push(node.name);
      return;
    case 'neg':
      return collectNames(node.arg, into);
    case 'binary':
      collectNames(node.left, into);
      return collectNames(node.right, into);
    case 'call':
      for (const a of node.args) collectNames(a, into);
      return;
    case 'number':
      return;
  }
}

function evaluateNode(node: Node, values: Readonly<Record<string, number>>, source: string): number {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'name': {
      const v = Object.hasOwn(values, node.name) ? values[node.name] : undefined;
      if (v === undefined)
        throw new FormulaError(source, node.at, coded('formula.unknown-parameter', { name: node.name }));
      return v;
    }
    case 'neg':
      return -evaluateNode(node.arg, values, source);
    case 'call':
      return FUNCTIONS[node.name]!.apply(node.args.map((a) => evaluateNode(a, values, source)));
    case 'binary': {
      const a = evaluateNode(node.left, values, source);
      const b = evaluateNode(node.right, values, source);
      switch (node.op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          return a / b;
        case '^':
          return a ** b;
      }
    }
  }
}

const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_]/;
const NUMBER = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/;

class Parser {
  private at = 0;
  constructor(private readonly source: string) {}

  parse(): Node {
    const node = this.expr();
    this.skipSpace();
    if (this.at < this.source.length) this.fail(coded('formula.unexpected', { char: this.source[this.at]! }));
    return node;
  }

  private fail(reason: Reason): never {
    throw new FormulaError(this.source, this.at, reason);
  }

  private skipSpace(): void {
    while (this.at < this.source.length && /\s/.test(this.source[this.at]!)) this.at++;
  }

  private peek(): string | undefined {
    this.skipSpace();
    return this.source[this.at];
  }

  private expr(): Node {
    let left = this.term();
    for (let c = this.peek(); c === '+' || c === '-'; c = this.peek()) {
      this.at++;
      left = { kind: 'binary', op: c, left, right: this.term() };
    }
    return left;
  }

  private term(): Node {
    let left = this.unary();
    for (let c = this.peek(); c === '*' || c === '/'; c = this.peek()) {
      this.at++;
      left = { kind: 'binary', op: c, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Node {
    if (this.peek() === '-') {
      this.at++;
      return { kind: 'neg', arg: this.unary() };
    }
    if (this.peek() === '+') {
      this.at++;
      return this.unary();
    }
    return this.power();
  }

  private power(): Node {
    const base = this.atom();
    if (this.peek() !== '^') return base;
    this.at++;
    return { kind: 'binary', op: '^', left: base, right: this.unary() };
  }

  private atom(): Node {
    const c = this.peek();
    if (c === undefined) this.fail(coded('formula.unexpected-end', {}));
    if (c === '(') {
      this.at++;
      const inner = this.expr();
      if (this.peek() !== ')') this.fail(coded('formula.missing-paren', {}));
      this.at++;
      return inner;
    }
    const number = NUMBER.exec(this.source.slice(this.at));
    if (number) {
      this.at += number[0].length;
      return { kind: 'number', value: Number(number[0]) };
    }
    if (NAME_START.test(c)) {
      const start = this.at;
      while (this.at < this.source.length && NAME_PART.test(this.source[this.at]!)) this.at++;
      const name = this.source.slice(start, this.at);
      if (this.peek() !== '(') return { kind: 'name', name, at: start };
      const fn = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
      if (!fn)
        throw new FormulaError(
          this.source,
          start,
          coded('formula.unknown-function', { name, known: Object.keys(FUNCTIONS).join(', ') }),
        );
      this.at++;
      const args = [this.expr()];
      while (this.peek() === ',') {
        this.at++;
        args.push(this.expr());
      }
      if (this.peek() !== ')') this.fail(coded('formula.missing-paren', {}));
      this.at++;
      const [least, most] = fn.arity;
      if (args.length < least || args.length > most)
        throw new FormulaError(
          this.source,
          start,
          coded('formula.arity', {
            name,
            arity: least === most ? String(least) : `${least}–${most}`,
            count: args.length,
          }),
        );
      return { kind: 'call', name, args, at: start };
    }
    this.fail(coded('formula.unexpected', { char: c }));
  }
}
