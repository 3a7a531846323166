import { validatePactDocument } from '../formats/pact.ts';
import { coder } from '../i18n/define.ts';
import { PACT_TEXTS } from '../i18n/pact.ts';
import { DomainError, type ErrorText } from '../model/errors.ts';
import type { Entry, EntrySource, Study } from '../model/study.ts';
import {
  getStudy,
  saveReceived,
  saveStudy,
  type ReceivedRow,
  type Spec,
  type Store,
  type StoredConnection,
} from '../store/index.ts';
import { conversion } from '../studies/per-unit.ts';
import { partnerClient } from './client.ts';

/**
 * Suppliers' footprints as primary data: pulling them from a partner's host (checked against the
 * spec before anything is kept), and putting one into a study entry as its supplier-specific
 * footprint, with the footprint's id and source recorded as the evidence.
 */

const coded = coder(PACT_TEXTS);

/** A partner's answer refused as a whole; `details` lists the schema's findings, as the validator words them. */
export class InvalidFootprintError extends DomainError {
  constructor(url: string, errors: string[]) {
    super(
      'invalid',
      'invalid-footprint',
      coded('pact.invalid-footprint', { url, problems: errors.join('\n  ') }),
      errors,
    );
  }
}

/** Pulls the partner's footprints of a product (all pages); every one must validate, or none is kept. */
export async function pullFootprints(
  store: Store,
  connection: StoredConnection,
  productId: string,
  spec: Spec = '3.0',
): Promise<ReceivedRow[]> {
  const client = partnerClient(connection);
  const query: Record<string, string> =
    spec === '3.0' ? { productId } : { $filter: `productIds/any(p:p eq '${productId.replace(/'/g, "''")}')` };
  const { footprints, url } = await client.listFootprints(spec, query);
  const errors = footprints.flatMap((pf, i) => {
    const checked = validatePactDocument(pf, 'footprint', spec);
    return checked.ok
      ? []
      : checked.errors.map(
          (e) => `data[${i}]${(pf as { id?: string })?.id ? ` (${(pf as { id: string }).id})` : ''}: ${e}`,
        );
  });
  if (errors.length) throw new InvalidFootprintError(url, errors);
  const kept: ReceivedRow[] = [];
  for (const pf of footprints as { id: string; productIds: string[] }[]) {
    kept.push(
      await saveReceived(store, {
        companyId: connection.companyId,
        connectionId: connection.id,
        pfId: pf.id,
        spec,
        productIds: pf.productIds,
        document: pf,
        sourceUrl: url,
        via: 'sync',
      }),
    );
  }
  return kept;
}

const PACT_UNITS: Record<string, string> = {
  kilogram: 'kg',
  liter: 'l',
  'cubic meter': 'm3',
  'kilowatt hour': 'kWh',
  megajoule: 'MJ',
  'ton kilometer': 't*km',
  'square meter': 'm2',
  piece: 'piece',
  hour: 'h',
};

/** The figures of a received footprint in Tanji's terms (both versions). */
export function footprintFigures(r: Pick<ReceivedRow, 'spec' | 'document'>): {
  companyName: string;
  productName: string;
  unit: string;
  amount: number;
  kgCo2e: number;
  status: string;
} {
  const d = r.document as Record<string, any>;
  const pcf = d.pcf ?? {};
  const v3 = r.spec === '3.0';
  return {
    companyName: String(d.companyName ?? ''),
    productName: String(d.productNameCompany ?? ''),
    unit: v3
      ? (PACT_UNITS[pcf.declaredUnitOfMeasurement] ?? pcf.declaredUnitOfMeasurement)
      : (PACT_UNITS[pcf.declaredUnit] ?? pcf.declaredUnit),
    amount: Number(v3 ? pcf.declaredUnitAmount : pcf.unitaryProductAmount),
    kgCo2e: Number(v3 ? pcf.pcfExcludingBiogenicUptake : pcf.pCfExcludingBiogenic),
    status: String(d.status),
  };
}

/** An entry a supplier's footprint cannot cost. */
export class UseInStudyError extends DomainError {
  constructor(text: ErrorText) {
    super('bad-request', 'invalid-request', text);
  }
}

/** The entry's new source: the supplier's footprint per unit of the entry. */
export function supplierSource(entry: Entry, r: ReceivedRow): EntrySource {
  const f = footprintFigures(r);
  const perDeclared = conversion(entry.unit, f.unit);
  if (perDeclared === undefined)
    throw new UseInStudyError(
      coded('pact.entry-unit', { entry: entry.name, entryUnit: entry.unit, amount: f.amount, unit: f.unit }),
    );
  if (!(f.amount > 0) || !(f.kgCo2e >= 0))
    throw new UseInStudyError(
      coded('pact.footprint-unusable', { footprint: r.pfId, kgCo2e: f.kgCo2e, amount: f.amount, unit: f.unit }),
    );
  return {
    type: 'supplier',
    supplier: f.companyName || r.connection,
    kgCo2ePerUnit: (f.kgCo2e / f.amount) * perDeclared,
    line: 'fossil',
    evidence: {
      type: 'supplier-statement',
      reference: `PACT ${r.spec} ProductFootprint ${r.pfId} (${r.sourceUrl})`,
      date: r.receivedAt.slice(0, 10),
    },
    pact: { footprintId: r.pfId, spec: r.spec, productIds: r.productIds, received: r.id },
  };
}

/** Puts the received footprint into the study's entry as a new study version. */
export async function useInStudy(
  store: Store,
  studyId: string,
  entryId: string,
  received: ReceivedRow,
  userId: string,
  baseVersion?: number,
): Promise<Study> {
  const study = await getStudy(store, studyId);
  if (!study) throw new UseInStudyError(coded('pact.no-study', { study: studyId }));
  const entry = study.entries.find((e) => e.id === entryId);
  if (!entry) throw new UseInStudyError(coded('pact.no-entry', { study: studyId, entry: entryId }));
  if (entry.kind === 'emission' || entry.kind === 'removal')
    throw new UseInStudyError(coded('pact.direct-entry', { entry: entry.name, kind: entry.kind }));
  const source = supplierSource(entry, received);
  const entries = study.entries.map((e) => (e.id === entryId ? { ...e, source } : e));
  // the schema drops the version's own fields (id, version, …) from what is saved
  return saveStudy(
    store,
    studyId,
    { ...study, entries },
    baseVersion ?? study.version,
    userId,
    `supplier footprint ${received.pfId} (PACT ${received.spec}) for "${entry.name}"`,
    'study.pact-applied',
  );
}
