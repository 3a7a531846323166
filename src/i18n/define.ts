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
export interface CodedMessage<C extends string = string, P = MessageParams> {
  code: C;
  params: P;
  message: string;
}

type ParamsIn<T extends TextTable, C extends keyof T> = Parameters<T[C]['en']>[0];

/** `coder(TABLE)` gives the `coded(code, params)` of one table, typed by its codes and params. */
export function coder<T extends TextTable>(table: T) {
  return <C extends keyof T & string>(code: C, params: ParamsIn<T, C>): CodedMessage<C, ParamsIn<T, C>> => ({
    code,
    params,
    message: (table[code]!.en as (p: ParamsIn<T, C>) => string)(params),
  });
}

/** A message in the reader's language; its English `message` when the table lacks the code (a newer server). */
export function renderIn(
  table: TextTable,
  m: { code?: string; params?: Record<string, unknown>; message: string },
  lang: TextLang,
): string {
  if (!m.code || !Object.hasOwn(table, m.code) || !m.params) return m.message;
  return (table[m.code]![lang] as (p: Record<string, unknown>) => string)(m.params);
}

/** Four significant digits, as messages quote numbers. */
export const fmt = (x: number): number => Number(x.toPrecision(4));
