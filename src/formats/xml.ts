import { XMLParser } from 'fast-xml-parser';
import { coded, ImportError } from './errors.ts';

/**
 * XML from untrusted archives, read safely: a document that declares a DTD or entities is
 * refused before parsing (ILCD and EcoSpold2 files have none), so nothing is ever fetched or
 * expanded and "billion laughs" cannot start; a document that is not well-formed is refused
 * whole, with the element and line the validator names.
 *
 * The tree keeps every element as a list (even a single one) so readers never guess whether a
 * tag repeats; `kids`, `kid`, `text` and `attr` read it.
 */

export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  // with declarations refused, only the five predefined entities and character references remain
  processEntities: true,
  htmlEntities: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  // the callbacks ignore the path: building its string for every element cost a tenth of an import
  jPath: false,
});

const decoder = new TextDecoder();
const DECLARATION = /<!\s*(DOCTYPE|ENTITY)/i;

export function parseXml(file: string, entry: string, bytes: Uint8Array): XmlNode {
  const xml = decoder.decode(bytes);
  if (!xml.trimStart().startsWith('<')) throw new ImportError(coded('import.not-xml', {}), file, entry);
  const declaration = DECLARATION.exec(xml);
  if (declaration) {
    throw new ImportError(
      coded('import.xml-declaration', {
        declaration: declaration[1].toUpperCase() === 'DOCTYPE' ? 'DOCTYPE' : 'ENTITY',
      }),
      file,
      entry,
    );
  }
  try {
    return parser.parse(xml, true) as XmlNode;
  } catch (e) {
    // the validator says "<what is wrong>:<line>:<column>"
    const m = /^(.*):(\d+):(\d+)$/s.exec((e as Error).message);
    throw new ImportError(
      m
        ? coded('import.xml-malformed-at', { reason: m[1]!, line: Number(m[2]), column: Number(m[3]) })
        : coded('import.xml-malformed', { detail: (e as Error).message }),
      file,
      entry,
    );
  }
}

/** The child elements named `tag`; text-only children become nodes with "#text". */
export function kids(node: XmlNode | undefined, tag: string): XmlNode[] {
  const v = node?.[tag];
  if (!Array.isArray(v)) return [];
  return v.map((x) => (typeof x === 'object' && x !== null ? (x as XmlNode) : { '#text': String(x) }));
}

/** The first child element named `tag`, or an empty node. */
export function kid(node: XmlNode | undefined, ...path: string[]): XmlNode {
  let n: XmlNode = node ?? {};
  for (const tag of path) n = kids(n, tag)[0] ?? {};
  return n;
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const v = node?.[`@${name}`];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** An element's own text, trimmed; undefined when empty. */
export function ownText(node: XmlNode | undefined): string | undefined {
  const t = node?.['#text'];
  return typeof t === 'string' && t.trim() !== '' ? t.trim() : undefined;
}

/**
 * The text of the `tag` children in one language (xml:lang); without `lang`, English, else
 * the first without a language, else the first at all.
 */
export function text(node: XmlNode | undefined, tag: string, lang?: string): string | undefined {
  const list = kids(node, tag).filter((k) => ownText(k) !== undefined);
  const of = (l: string | undefined) => list.find((k) => attr(k, 'lang') === l);
  const hit = lang ? of(lang) : (of('en') ?? of(undefined) ?? list[0]);
  return ownText(hit);
}
