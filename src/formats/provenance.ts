import { COPYRIGHT_PROTECTED, type ProcessProvenance } from '../model/lci.ts';

/**
 * The parts of a process's provenance both importers write the same way, so that the two
 * exports of one database give equal provenance where they carry the same documentation.
 */

/**
 * A year that is a date's, not a placeholder's: openLCA and USLCI write 1900-01-01 and 9999-01-01
 * for an unknown period (USLCI's EcoSpold2 export one day earlier) and 9999 for a source's unknown year.
 */
export function realYear(year: number | undefined): number | undefined {
  return year !== undefined && Number.isInteger(year) && year > 1900 && year < 2100 ? year : undefined;
}

export function referenceYear(validFrom: string | undefined): number | undefined {
  return validFrom === undefined ? undefined : realYear(Number(validFrom.slice(0, 4)));
}

/** "<name> (<year>): <reference>, <url>" with the parts given, on one line; nothing when no part is. */
export function citation(parts: {
  name?: string;
  year?: number;
  reference?: string;
  url?: string;
}): string | undefined {
  const line = (s: string | undefined) => s?.replace(/\s+/g, ' ').trim() || undefined;
  const year = realYear(parts.year);
  const head = [line(parts.name), year && `(${year})`].filter(Boolean).join(' ');
  return (
    [[head, line(parts.reference)].filter(Boolean).join(': '), line(parts.url)].filter(Boolean).join(', ') || undefined
  );
}

export function licence(restrictions: string | undefined, copyright: boolean): string | undefined {
  return [restrictions?.trim(), copyright ? COPYRIGHT_PROTECTED : undefined].filter(Boolean).join(' ') || undefined;
}

/** The provenance with texts trimmed, empty ones and empty lists left out, the DQR from the pedigree; nothing when nothing is left. */
export function provenance(p: Omit<ProcessProvenance, 'dqr'>): ProcessProvenance | undefined {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(p)) {
    const kept =
      typeof value === 'string'
        ? value.trim() || undefined
        : Array.isArray(value)
          ? value.map((s: string) => s.trim()).filter(Boolean)
          : value;
    if (kept !== undefined && !(Array.isArray(kept) && kept.length === 0)) out[key] = kept;
  }
  const q = p.pedigree;
  if (q) out.dqr = (q.reliability + q.completeness + q.temporal + q.geographical + q.technological) / 5;
  return Object.keys(out).length ? (out as ProcessProvenance) : undefined;
}
