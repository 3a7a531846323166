import { escapeHtml } from '../../../src/report/escape.ts';

/**
 * ECharts puts a tooltip formatter's return value into the page as HTML, and names in it come
 * from users (study, product, entry, dataset and region names). Every chart option builds its
 * tooltip here, from plain text only: each line is escaped, so no name can become markup.
 */
export function tooltipHtml(head: string, ...lines: string[]): string {
  return [`<strong>${escapeHtml(head)}</strong>`, ...lines.map(escapeHtml)].join('<br/>');
}
