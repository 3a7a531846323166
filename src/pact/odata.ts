import { PactRequestError } from './errors.ts';

/**
 * The `$filter` of Tech Spec v2.x ListFootprints: the OData v4 subset the spec asks hosts to
 * support. Comparisons (eq, ne, lt, le, gt, ge) of a property path with a literal, `any` over the
 * id arrays, `and`, parentheses. Anything else (or, not, functions) is NotImplemented, which the
 * spec allows; a malformed expression is BadRequest.
 *
 *   created ge '2024-01-01T00:00:00Z' and productIds/any(p:p eq 'urn:…') and pcf/geographyCountry eq 'CN'
 */

export type Doc = Record<string, unknown>;
export type Predicate = (doc: Doc) => boolean;

const DATE_PATHS = new Set([
  'created',
  'updated',
  'validityPeriodStart',
  'validityPeriodEnd',
  'pcf/referencePeriodStart',
  'pcf/referencePeriodEnd',
]);
const ARRAY_PATHS = new Set(['productIds', 'companyIds', 'productClassifications', 'precedingPfIds']);
const OPS = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);

/** an unquoted date-time literal, whose colons are not the lambda's */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?/;

type Token = { kind: 'word' | 'string' | 'number' | 'punct'; text: string; at: number };

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) i++;
    else if (c === "'") {
      let text = '';
      let j = i + 1;
      for (;;) {
        if (j >= src.length)
          throw new PactRequestError('BadRequest', `$filter: unterminated string starting at character ${i + 1}`);
        if (src[j] === "'" && src[j + 1] === "'") ((text += "'"), (j += 2));
        else if (src[j] === "'") break;
        else text += src[j++];
      }
      tokens.push({ kind: 'string', text, at: i });
      i = j + 1;
    } else if ('():'.includes(c)) tokens.push({ kind: 'punct', text: c, at: i++ });
    else {
      const rest = src.slice(i);
      const word = (DATE_TIME.exec(rest) ?? /^[A-Za-z0-9_$./+-]+/.exec(rest))?.[0];
      if (!word) throw new PactRequestError('BadRequest', `$filter: unexpected "${c}" at character ${i + 1}`);
      tokens.push({ kind: /^-?\d+(\.\d+)?$/.test(word) ? 'number' : 'word', text: word, at: i });
      i += word.length;
    }
  }
  return tokens;
}

function valueAt(doc: Doc, path: string): unknown {
  return path.split('/').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Doc)[key] : undefined), doc);
}

function compare(op: string, left: unknown, right: string | number, path: string): boolean {
  if (left === undefined || left === null) return op === 'ne';
  let a: number | string = left as string;
  let b: number | string = right;
  if (DATE_PATHS.has(path)) {
    a = Date.parse(String(left));
    b = Date.parse(String(right));
    if (Number.isNaN(b))
      throw new PactRequestError(
        'BadRequest',
        `$filter: ${path} compares with a date-time, got ${JSON.stringify(right)}`,
      );
  } else if (typeof right === 'number' || typeof left === 'number') {
    a = Number(left);
    b = Number(right);
  }
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
    case 'gt':
      return a > b;
    default:
      return a >= b;
  }
}

export function parseODataFilter(src: string): Predicate {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = (what: string) => {
    const t = tokens[pos++];
    if (!t) throw new PactRequestError('BadRequest', `$filter: expected ${what} at the end`);
    return t;
  };
  const expect = (text: string) => {
    const t = next(`"${text}"`);
    if (t.text !== text)
      throw new PactRequestError('BadRequest', `$filter: expected "${text}" at character ${t.at + 1}, got "${t.text}"`);
  };
  const literal = (): string | number => {
    const t = next('a value');
    if (t.kind === 'string') return t.text;
    if (t.kind === 'number') return Number(t.text);
    if (t.kind === 'word' && /^\d{4}-\d{2}-\d{2}/.test(t.text)) return t.text;
    throw new PactRequestError(
      'BadRequest',
      `$filter: expected a value ('text', a number or a date-time) at character ${t.at + 1}, got "${t.text}"`,
    );
  };

  const term = (): Predicate => {
    const t = next('a condition');
    if (t.text === '(') {
      const inner = expr();
      expect(')');
      return inner;
    }
    if (t.kind !== 'word')
      throw new PactRequestError(
        'BadRequest',
        `$filter: expected a property at character ${t.at + 1}, got "${t.text}"`,
      );
    if (t.text === 'not' || t.text.includes('('))
      throw new PactRequestError(
        'NotImplemented',
        `$filter: "${t.text}" is not supported; use comparisons, any() and and`,
      );
    const lambda = /^(.+)\/any$/.exec(t.text);
    if (lambda) {
      const path = lambda[1];
      if (!ARRAY_PATHS.has(path))
        throw new PactRequestError(
          'NotImplemented',
          `$filter: any() is supported on ${[...ARRAY_PATHS].join(', ')}, not ${path}`,
        );
      expect('(');
      const variable = next('a variable').text;
      expect(':');
      const subject = next(`${variable}`);
      if (subject.text !== variable)
        throw new PactRequestError(
          'BadRequest',
          `$filter: inside any(), compare the variable ${variable}, got "${subject.text}"`,
        );
      const op = next('an operator').text;
      if (op !== 'eq')
        throw new PactRequestError('NotImplemented', `$filter: inside any(), only eq is supported, got "${op}"`);
      const value = literal();
      expect(')');
      return (doc) => {
        const xs = valueAt(doc, path);
        return Array.isArray(xs) && xs.some((x) => x === value);
      };
    }
    if (/\(|\)/.test(t.text) || peek()?.text === '(')
      throw new PactRequestError('NotImplemented', `$filter: functions such as "${t.text}(" are not supported`);
    const path = t.text;
    const op = next('an operator');
    if (op.text === 'in' || op.text === 'has')
      throw new PactRequestError('NotImplemented', `$filter: "${op.text}" is not supported`);
    if (!OPS.has(op.text))
      throw new PactRequestError(
        'BadRequest',
        `$filter: expected eq, ne, lt, le, gt or ge after ${path}, got "${op.text}"`,
      );
    const value = literal();
    return (doc) => compare(op.text, valueAt(doc, path), value, path);
  };

  const expr = (): Predicate => {
    const parts = [term()];
    while (peek() && peek().text !== ')') {
      const t = next('and');
      if (t.text === 'or')
        throw new PactRequestError(
          'NotImplemented',
          '$filter: "or" is not supported; send one request per alternative',
        );
      if (t.text !== 'and')
        throw new PactRequestError('BadRequest', `$filter: expected "and" at character ${t.at + 1}, got "${t.text}"`);
      parts.push(term());
    }
    return (doc) => parts.every((p) => p(doc));
  };

  if (!tokens.length) return () => true;
  const predicate = expr();
  if (pos < tokens.length)
    throw new PactRequestError(
      'BadRequest',
      `$filter: unexpected "${tokens[pos].text}" at character ${tokens[pos].at + 1}`,
    );
  return predicate;
}
