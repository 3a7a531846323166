/**
 * How a user-facing message is defined once: a stable code, and its text in Chinese and English
 * written from the same params. Domain code returns `{ code, params, message }` (message = the
 * English text, for API clients and logs); the web app, the report and the CLI render code and
 * params in the reader's language. Plain data and functions with no imports, so the web app
 * bundles these files as they are. Each domain keeps its texts in `src/i18n/<domain>.ts`;
 * `catalogue.ts` gathers them into the one catalogue.
 */

export type TextLang = 'en' | 'zh';
export type MessageParams = Record<string, string | number>;
export type Texts<P> = Record<TextLang, (p: P) => string>;
export type TextTable = Record<string, Texts<never>>;

export const define = <P extends MessageParams = Record<never, never>>(texts: Texts<P>): Texts<P> => texts;

/** A message as it travels: code and params, with the English text for readers without the catalogue. */
export interface CodedMessage<C extends string = string, P = Record<string, MessageParam>> {
  code: C;
  params: P;
  message: string;
}

/** A text param may be a coded message of its own (a finding inside a warning); it renders in the same language. */
export type MessageParam = string | number | CodedMessage<string, Record<string, unknown>>;
export type NestedParams<P> = {
  [K in keyof P]: P[K] extends string ? string | CodedMessage<string, Record<string, unknown>> : P[K];
};

type ParamsIn<T extends TextTable, C extends keyof T> = Parameters<T[C]['en']>[0];

/** What a message reads as: a plain string (a result stored before messages were coded) as it is. */
export type Readable = string | { code?: string; params?: Record<string, unknown>; message: string };

const isMessage = (v: unknown): v is CodedMessage<string, Record<string, unknown>> =>
  typeof v === 'object' && v !== null && typeof (v as CodedMessage).message === 'string';

/** `coder(TABLE)` gives the `coded(code, params)` of one table, typed by its codes and params. */
export function coder<T extends TextTable>(table: T) {
  return <C extends keyof T & string>(
    code: C,
    params: ParamsIn<T, C> | NestedParams<ParamsIn<T, C>>,
  ): CodedMessage<C, NestedParams<ParamsIn<T, C>>> => ({
    code,
    params,
    message: (table[code]!.en as (p: unknown) => string)(flatten(params, (m) => m.message)),
  });
}

function flatten(
  params: object,
  text: (m: CodedMessage<string, Record<string, unknown>>) => string,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, isMessage(v) ? text(v) : v]));
}

/** A message in the reader's language; its English `message` when the table lacks the code (a newer server). */
export function renderIn(table: TextTable, m: Readable, lang: TextLang): string {
  if (typeof m === 'string') return m;
  if (!m.code || !Object.hasOwn(table, m.code) || !m.params) return m.message;
  const params = flatten(m.params, (nested) => renderIn(table, nested, lang));
  return (table[m.code]![lang] as (p: Record<string, unknown>) => string)(params);
}

/** Four significant digits, as messages quote numbers. */
export const fmt = (x: number): number => Number(x.toPrecision(4));
