import QRCode from 'qrcode';
import type { Credential, Grade } from '../model/credential.ts';
import { LABEL_WORDS } from '../i18n/labels.ts';
import type { TextLang } from '../i18n/define.ts';

/**
 * The label as SVG: product, value per declared unit, grade on the A–E scale, standard and PCR,
 * verifier, validity, and a QR code to the public verification page. Drawn for 75 × 45 mm on a
 * package (no text below 2 mm, the QR code 19 mm wide with its quiet zone). The signed credential
 * rides in <metadata>, and drawing is deterministic, so a label is checked by drawing it again
 * from its credential and comparing bytes: any edit to the picture is caught. Every string from
 * the credential is XML-escaped; the SVG has no script, link or external reference.
 * Pure; runs in the browser.
 */

export const LABEL_SIZE = { widthMm: 75, heightMm: 45, width: 300, height: 180 } as const;

const GRADE_COLOURS: Record<Grade, string> = { A: '#1a9641', B: '#7cc35a', C: '#e6c229', D: '#f08c3c', E: '#d7191c' };
const FONT = "'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','Microsoft YaHei',sans-serif";
const INK = '#1b3a1f';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function unescapeXml(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!,
  );
}

/** Approximate advance of a string: CJK and full-width characters one em, others about half. */
function widthOf(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFEF]/.test(ch) ? size : /[A-Z0-9]/.test(ch) ? 0.62 * size : 0.52 * size;
  return w;
}

/** The text, shortened with an ellipsis to fit `max` user units at font size `size`. */
export function fit(text: string, max: number, size: number): string {
  if (widthOf(text, size) <= max) return text;
  const chars = [...text];
  while (chars.length > 0 && widthOf(`${chars.join('')}…`, size) > max) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

export function formatValue(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : String(Number(v.toPrecision(3)));
}

function text(x: number, y: number, size: number, content: string, extra = ''): string {
  return `<text x="${x}" y="${y}" font-size="${size}"${extra}>${escapeXml(content)}</text>`;
}

/** The QR modules as one path, `size` user units square including a two-module quiet zone. */
function qrPath(url: string, x: number, y: number, size: number): string {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = modules.size + 4;
  const unit = size / n;
  const cells: string[] = [];
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) {
      if (modules.get(r, c)) cells.push(`M${c + 2} ${r + 2}h1v1h-1z`);
    }
  }
  return `<g transform="translate(${x} ${y}) scale(${Number(unit.toFixed(4))})"><rect width="${n}" height="${n}" fill="#fff"/><path d="${cells.join('')}" fill="#000"/></g>`;
}

function gradeScale(grade: Grade | null, x: number, y: number): string {
  const parts: string[] = [];
  (Object.keys(GRADE_COLOURS) as Grade[]).forEach((g, i) => {
    const mine = g === grade;
    const bx = x + i * 25;
    parts.push(
      mine
        ? `<rect x="${bx - 1}" y="${y - 4}" width="25" height="24" rx="3" fill="${GRADE_COLOURS[g]}" stroke="${INK}" stroke-width="2"/>${text(bx + 11.5, y + 13, 15, g, ' font-weight="700" text-anchor="middle" fill="#fff"')}`
        : `<rect x="${bx}" y="${y}" width="23" height="16" rx="2" fill="${GRADE_COLOURS[g]}" opacity="0.45"/>${text(bx + 11.5, y + 12, 10, g, ' text-anchor="middle" fill="#fff"')}`,
    );
  });
  return parts.join('');
}

export function renderLabelSvg(credential: Credential, lang: TextLang): string {
  const s = credential.credentialSubject;
  const w = (k: keyof typeof LABEL_WORDS) => LABEL_WORDS[k][lang];
  const f = s.footprint;
  const du = f.declaredUnit;
  const perUnit = `kg CO2e ${w('per')} ${du.amount === 1 ? '' : `${du.amount} `}${du.unit}`;
  const removals = f.removals !== 0 ? ` · ${w('removals')} ${formatValue(f.removals)}` : '';
  const grade = s.grade?.grade ?? null;
  const gradeLine = grade ? `${w('grade')} ${grade} · ${s.grade!.benchmark.title[lang]}` : w('notGraded');
  const pcr = `${s.standard} · PCR ${s.pcr.id} ${s.pcr.version}`;
  // validity first: a long verifier name is what gets shortened
  const verifier = `${w('validUntil')} ${credential.validUntil.slice(0, 10)} · ${w('verifiedBy')}: ${credential.issuer.name}`;
  const id = s.id.replace(/^urn:tanji:label:/, '');
  const { width, height, widthMm, heightMm } = LABEL_SIZE;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${widthMm}mm" height="${heightMm}mm" lang="${lang}" font-family="${escapeXml(FONT)}" fill="${INK}">`,
    `<metadata id="tanji-credential">${escapeXml(JSON.stringify(credential))}</metadata>`,
    `<rect x="1" y="1" width="${width - 2}" height="${height - 2}" rx="8" fill="#fff" stroke="${INK}" stroke-width="2"/>`,
    `<path d="M1 9a8 8 0 0 1 8-8h${width - 18}a8 8 0 0 1 8 8v21h-${width - 2}z" fill="${INK}"/>`,
    text(10, 21, 14, w('title'), ' font-weight="700" fill="#fff"'),
    text(width - 10, 21, 9, s.grade ? `${w('grade')} ${grade}` : '', ' text-anchor="end" fill="#fff"'),
    text(10, 68, 36, formatValue(f.value), ' font-weight="700"'),
    text(10, 84, 10, fit(`${perUnit}${removals}`, 190, 10)),
    gradeScale(grade, 12, 98),
    text(10, 130, 8, fit(gradeLine, 190, 8)),
    text(10, 142, 11, fit(s.product.name, 190, 11), ' font-weight="700"'),
    text(10, 153, 8, fit(s.product.company.name, 280, 8)),
    text(10, 164, 8, fit(pcr, 280, 8)),
    text(10, 175, 8, fit(verifier, 280, 8)),
    qrPath(s.verificationPage, 208, 36, 82),
    text(249, 128, 8, w('scan'), ' text-anchor="middle"'),
    text(249, 139, 7, id.slice(0, 13), ' text-anchor="middle" font-family="monospace"'),
    '</svg>',
  ].join('\n');
}

/** The credential and language a label SVG carries, or why it carries none. */
export function readLabelSvg(svg: string): { credential: unknown; lang: TextLang } | { error: string } {
  const meta = /<metadata id="tanji-credential">([^<]*)<\/metadata>/.exec(svg);
  if (!meta) return { error: 'the SVG carries no Tanji credential' };
  const lang = /<svg [^>]*\blang="(zh|en)"/.exec(svg)?.[1] as TextLang | undefined;
  if (!lang) return { error: 'the SVG does not say its language' };
  try {
    return { credential: JSON.parse(unescapeXml(meta[1]!)), lang };
  } catch {
    return { error: "the SVG's credential is not JSON" };
  }
}

/** A page that prints the label at its size: Chromium makes the PDF (@page size) and the PNG from it. */
export function labelPage(svg: string): string {
  const { widthMm, heightMm } = LABEL_SIZE;
  return `<!doctype html><html><head><meta charset="utf-8"><style>@page{size:${widthMm}mm ${heightMm}mm;margin:0}html,body{margin:0;padding:0}svg{display:block;width:${widthMm}mm;height:${heightMm}mm}</style></head><body>${svg}</body></html>`;
}
