/** Text and attribute values escaped for XML; characters XML 1.0 forbids are dropped. */
export function esc(s: string | number): string {
  return String(s)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#xD;');
}

/** `<tag attrs>text</tag>` with the text escaped, or nothing when there is no text. */
export function el(tag: string, value: string | number | undefined, attrs = ''): string {
  return value === undefined || value === '' ? '' : `<${tag}${attrs}>${esc(value)}</${tag}>`;
}

/** A number as XML writes it, in full precision (shortest round-trip form). */
export function num(n: number): string {
  return String(n);
}
