import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entry } from '../../src/model/study.ts';
import { EntrySchema } from '../../src/model/study.ts';
import type { DatasetHit } from '../../web/src/api/types.ts';
import {
  draftToEntry,
  emptyDraft,
  entryToDraft,
  TONNE_KM,
  tonneKm,
  withDataset,
  withKind,
} from '../../web/src/study/entryDraft.ts';

const hit: DatasetHit = {
  type: 'factor',
  release: '2026.1',
  id: 'cn-electricity-footprint/CN/2024',
  name: 'Electricity, national grid',
  nameZh: '全国电力',
  perUnit: 'kWh',
  kgCo2ePerUnit: 0.5777,
  gases: 'CO2e',
  region: 'CN',
  year: 2024,
  source: 'MEE',
  status: 'verified',
  notes: [],
};

test('a transport leg is mass/1000 × distance in t·km', () => {
  assert.equal(tonneKm(1000, 250), 250);
  assert.equal(tonneKm(500, 3), 1.5);
  let d = withKind(emptyDraft('distribution'), 'transport');
  d = {
    ...withDataset(d, hit, 'truck'),
    transport: { massKg: '500', distanceKm: '3', mode: 'road', refrigerated: true },
  };
  const { entry } = draftToEntry(d);
  assert.ok(entry);
  assert.equal(entry.amount, 1.5);
  assert.equal(entry.unit, TONNE_KM);
  assert.deepEqual(entry.transport, { massKg: 500, distanceKm: 3, mode: 'road', refrigerated: true });
  EntrySchema.parse(entry);
});

test('choosing a dataset names the entry and takes its unit', () => {
  const d = withDataset(emptyDraft('manufacturing'), hit, '全国电力');
  assert.equal(d.name, '全国电力');
  assert.equal(d.unit, 'kWh');
  assert.deepEqual(d.dataset, { type: 'factor', release: '2026.1', id: hit.id });
  assert.equal(withDataset({ ...d, name: 'Packing line' }, hit, 'x').name, 'Packing line');
});

test('the form refuses what the server would refuse, naming the fields', () => {
  const { entry, errors } = draftToEntry(emptyDraft('use'));
  assert.equal(entry, null);
  assert.deepEqual(errors.map((e) => e.field).sort(), ['amount', 'dataset', 'name', 'unit']);

  const supplier = {
    ...emptyDraft('raw-materials'),
    name: 'Carton',
    amount: '0.06',
    unit: 'kg',
    sourceType: 'supplier' as const,
  };
  assert.deepEqual(
    draftToEntry(supplier)
      .errors.map((e) => e.field)
      .sort(),
    ['kgCo2ePerUnit', 'supplier', 'supplierEvidence'],
  );

  const evidence = { ...withDataset(emptyDraft('use'), hit, 'x'), amount: '1', evidenceType: 'invoice' as const };
  assert.deepEqual(
    draftToEntry(evidence).errors.map((e) => e.field),
    ['evidenceReference'],
  );
});

test('emissions and removals take a direct gas; a removal is biogenic CO2', () => {
  const removal = withKind(emptyDraft('raw-materials'), 'removal');
  assert.equal(removal.sourceType, 'direct');
  const { entry } = draftToEntry({ ...removal, name: 'Orchard uptake', amount: '0.17', gas: 'N2O' });
  assert.ok(entry);
  assert.deepEqual(entry.source, { type: 'direct', gas: 'CO2-biogenic' });
  EntrySchema.parse(entry);
  assert.equal(withKind(removal, 'material').sourceType, 'background');
});

test('an entry survives the round trip through the form, untouched fields included', () => {
  const entry: Entry = {
    id: 'e1',
    stage: 'raw-materials',
    kind: 'material',
    name: 'Carton',
    amount: 0.06,
    unit: 'kg',
    source: {
      type: 'supplier',
      supplier: 'Acme',
      kgCo2ePerUnit: 1.2,
      line: 'fossil',
      evidence: { type: 'supplier-statement', reference: 'PCF-1', date: '2025-03-01' },
    },
    evidence: { type: 'invoice', reference: 'INV-9', note: 'March' },
    pedigree: { reliability: 2, completeness: 2, temporal: 1, geographical: 2, technological: 3 },
    comment: 'per carton',
  };
  assert.deepEqual(draftToEntry(entryToDraft(entry)).entry, entry);
});

test('a formula, a stated range and a removal pool survive the form', () => {
  const sink: Entry = {
    id: 'sink',
    stage: 'raw-materials',
    kind: 'removal',
    name: 'Orchard sink',
    amount: 0.1667,
    formula: 'sequestration_kg_ha / (yield_t_ha * 1000)',
    unit: 'kg',
    source: { type: 'direct', gas: 'CO2-biogenic' },
    removalPool: 'land',
    uncertainty: { distribution: 'lognormal', low: 0.5, high: 2, source: 'literature' },
  };
  const back = draftToEntry(entryToDraft(sink));
  assert.deepEqual(back.entry, sink);
  const cleared = draftToEntry({ ...entryToDraft(sink), formula: '  ', removalPool: 'product' }).entry!;
  assert.equal(cleared.formula, undefined, 'an empty formula means the amount as typed');
  assert.equal(cleared.removalPool, 'product');
  assert.ok(EntrySchema.safeParse(cleared).success);
});

test('a rule placeholder opens as a dataset to choose, keeps what of the rule it answers, and may become a component study', () => {
  const placeholder: Entry = {
    id: 'pcr-cathode',
    stage: 'raw-materials',
    kind: 'material',
    name: 'Cathode',
    amount: 0,
    unit: 'kg',
    source: { type: 'placeholder' },
    pcr: { stage: 'raw-material', requirement: 'cathode-active-material' },
  };
  const draft = entryToDraft(placeholder);
  assert.equal(draft.sourceType, 'background');
  const missing = draftToEntry({ ...draft, amount: '120', sourceType: 'study' });
  assert.deepEqual(
    missing.errors.map((e) => e.field),
    ['study'],
  );
  const made = draftToEntry({ ...draft, amount: '120', sourceType: 'study', studyId: 'cam-study' });
  assert.ok(made.entry);
  assert.deepEqual(made.entry.source, { type: 'study', studyId: 'cam-study' });
  assert.deepEqual(made.entry.pcr, placeholder.pcr);
  EntrySchema.parse(made.entry);
  assert.equal(entryToDraft(made.entry).studyId, 'cam-study');
});
