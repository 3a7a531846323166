import type { Credential } from '../model/credential.ts';
import type { TextLang } from '../i18n/define.ts';
import { printPdf, printPng } from '../report/pdf.ts';
import { labelPage, LABEL_SIZE, renderLabelSvg } from './render.ts';

/** A label as a file to download: SVG as drawn, PNG and PDF printed from it by Chromium. */

export type LabelFormat = 'svg' | 'png' | 'pdf';

const CSS_PX_PER_MM = 96 / 25.4;

export async function labelFile(
  credential: Credential,
  format: LabelFormat,
  lang: TextLang,
): Promise<{ body: Uint8Array; contentType: string; filename: string }> {
  const svg = renderLabelSvg(credential, lang);
  const filename = `tanji-label-${credential.id.slice('urn:uuid:'.length)}-${lang}.${format}`;
  if (format === 'svg')
    return { body: new TextEncoder().encode(svg), contentType: 'image/svg+xml; charset=utf-8', filename };
  if (format === 'pdf') return { body: await printPdf(labelPage(svg)), contentType: 'application/pdf', filename };
  const png = await printPng(labelPage(svg), {
    width: LABEL_SIZE.widthMm * CSS_PX_PER_MM,
    height: LABEL_SIZE.heightMm * CSS_PX_PER_MM,
    scale: 4,
  });
  return { body: png, contentType: 'image/png', filename };
}
