import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StudyInputSchema, type Study, type StudyResult } from '../../src/model/study.ts';
import { checkReport, ISO14067_REPORT, type ComplianceItem, type RequirementId } from '../../src/rules/iso14067.ts';
import { fixtureResult, fixtureStudy } from '../report/fixture.ts';

function item(items: ComplianceItem[], id: RequirementId): ComplianceItem {
  const found = items.find((i) => i.id === id);
  assert.ok(found, `no item ${id}`);
  return found;
}

function check(edit: (s: Study, r: StudyResult) => void = () => {}): ComplianceItem[] {
  const s = fixtureStudy();
  const r = fixtureResult();
  edit(s, r);
  return checkReport(s, r);
}

/** every item other than `except` is still ok: a check must not fire on someone else's gap */
function othersOk(items: ComplianceItem[], ...except: RequirementId[]) {
  const bad = items.filter((i) => !except.includes(i.id) && i.status !== 'ok');
  assert.deepEqual(
    bad.map((i) => `${i.id}: ${i.message.en}`),
    [],
  );
}

describe('ISO 14067 report requirements', () => {
  it('lists each item once, with clause and both languages', () => {
    assert.equal(new Set(ISO14067_REPORT.map((r) => r.id)).size, ISO14067_REPORT.length);
    for (const r of ISO14067_REPORT) {
      assert.match(r.clause, /^7\.[123]$/);
      for (const t of [r.title, r.satisfiedBy]) assert.ok(t.zh && t.en && /[\u4e00-\u9fff]/.test(t.zh), r.id);
    }
  });

  it('passes a complete study, one item per requirement', () => {
    const items = check();
    assert.deepEqual(
      items.map((i) => i.id),
      ISO14067_REPORT.map((r) => r.id),
    );
    othersOk(items);
    assert.match(item(items, 'uncertainty').message.en, /3\.24–4\.83 kg CO2e.*1000 iterations, seed 42/);
    assert.match(item(items, 'separate-lines').message.en, /aircraft 2\.6; removals -0\.9 \(not netted\)/);
  });

  it('says what a cradle-to-gate boundary leaves out', () => {
    const b = item(check(), 'boundary');
    assert.match(
      b.message.en,
      /included: Raw material acquisition, Production, Distribution; excluded: Use, End of life/,
    );
    assert.match(b.message.zh, /排除：使用、生命末期/);
  });

  it('flags missing uncertainty', () => {
    const items = check((_s, r) => (r.uncertainty = null));
    assert.equal(item(items, 'uncertainty').status, 'missing');
    othersOk(items, 'uncertainty');
  });

  it('warns on too few Monte Carlo iterations', () => {
    assert.equal(
      item(
        check((_s, r) => (r.uncertainty!.iterations = 200)),
        'uncertainty',
      ).status,
      'warning',
    );
  });

  it('warns on empty limitations', () => {
    const items = check((s) => (s.limitations = '  '));
    assert.equal(item(items, 'limitations').status, 'warning');
    othersOk(items, 'limitations');
  });

  it('flags missing cut-off criteria and allocation', () => {
    const items = check((s) => {
      s.cutoff = '';
      s.allocation = '';
    });
    assert.equal(item(items, 'cutoff').status, 'missing');
    assert.equal(item(items, 'allocation').status, 'missing');
  });

  it('warns when the default value-choice wording is kept', () => {
    const s = fixtureStudy();
    const defaults = StudyInputSchema.parse({ ...s, cutoff: undefined, allocation: undefined, electricity: undefined });
    const items = checkReport(
      { ...s, cutoff: defaults.cutoff, allocation: defaults.allocation, electricity: defaults.electricity },
      fixtureResult(),
    );
    const v = item(items, 'value-choices');
    assert.equal(v.status, 'warning');
    assert.match(v.message.en, /cut-off, allocation, electricity/);
    othersOk(items, 'value-choices');
  });

  it('warns on entries outside a cradle-to-gate boundary and on empty stages of cradle-to-grave', () => {
    const outside = check((s) => (s.entries[5].stage = 'use'));
    assert.equal(item(outside, 'boundary').status, 'warning');
    assert.match(item(outside, 'boundary').message.en, /outside the boundary: "Air freight Haikou to Beijing"/);
    const grave = item(
      check((s) => (s.boundary = 'cradle-to-grave')),
      'boundary',
    );
    assert.equal(grave.status, 'warning');
    assert.match(grave.message.en, /no entries.*: Use, End of life/);
  });

  it('flags a missing reference flow', () => {
    assert.equal(
      item(
        check((s) => (s.referenceFlow = ' ')),
        'unit',
      ).status,
      'missing',
    );
  });

  it('checks that lines and stages add up and removals are not netted', () => {
    const netted = check((_s, r) => (r.total += r.lines.biogenicRemovals));
    assert.equal(item(netted, 'separate-lines').status, 'warning');
    assert.equal(item(netted, 'stage-results').status, 'warning');
    const positive = check((_s, r) => (r.lines.biogenicRemovals = 0.9));
    assert.match(item(positive, 'separate-lines').message.en, /must be negative/);
    const stage = check((_s, r) => (r.byStage.manufacturing += 0.1));
    assert.match(item(stage, 'stage-results').message.en, /differ from the sum of their entries: Production/);
  });

  it('warns on AR5, on a method other than the study asks for, and on mixed GWP sets', () => {
    const ar5 = check((s, r) => {
      s.method = 'ipcc-ar5-gwp100';
      r.method = 'ipcc-ar5-gwp100';
      r.gwpSet = 'AR5';
      for (const e of r.entries) e.provenance.gwpSet = 'AR5';
    });
    assert.equal(item(ar5, 'gwp').status, 'warning');
    assert.match(item(ar5, 'gwp').message.en, /AR5 values/);
    const mixed = item(
      check((_s, r) => (r.entries[0].provenance.gwpSet = 'AR4')),
      'gwp',
    );
    assert.match(mixed.message.en, /another GWP set: "Urea fertiliser"/);
    assert.equal(
      item(
        check((s) => (s.method = 'ipcc-ar5-gwp100')),
        'gwp',
      ).status,
      'warning',
    );
  });

  it('warns on a CO2-only grid factor and requires an electricity statement', () => {
    const co2 = check(
      (_s, r) => (r.entries.find((e) => e.entryId === 'electricity')!.provenance.id = 'cn-electricity-co2/CN-HI/2022'),
    );
    assert.match(item(co2, 'electricity').message.en, /CO2-only grid factors/);
    assert.equal(
      item(
        check((s) => (s.electricity = '')),
        'electricity',
      ).status,
      'missing',
    );
    const none = check((s) => {
      s.electricity = '';
      s.entries = s.entries.filter((e) => e.kind !== 'energy');
    });
    assert.equal(item(none, 'electricity').status, 'ok');
  });

  it('flags data without a source, release or year, and activity amounts without evidence', () => {
    const items = check((s, r) => {
      r.entries[0].provenance.source = '';
      r.entries[5].provenance.release = undefined;
      r.entries[5].provenance.year = undefined;
      delete s.entries[1].evidence;
    });
    assert.equal(item(items, 'data-sources').status, 'missing');
    assert.match(item(items, 'data-sources').message.en, /without evidence: "Field N2O from fertiliser"/);
    assert.equal(item(items, 'releases').status, 'missing');
    assert.match(item(items, 'time-period').message.en, /without a year: "Air freight Haikou to Beijing"/);
  });

  it('warns on poor data quality and on a production stage without site data', () => {
    assert.equal(
      item(
        check((_s, r) => (r.dqr = 3.6)),
        'data-quality',
      ).status,
      'warning',
    );
    const noSite = check((_s, r) =>
      r.entries.filter((e) => e.stage === 'manufacturing').forEach((e) => (e.primary = false)),
    );
    assert.match(item(noSite, 'primary-data').message.en, /no site-specific data for the production stage/);
  });

  it('warns when the result is stale or from another study', () => {
    assert.equal(
      item(
        check((s) => (s.version = 4)),
        'result',
      ).status,
      'warning',
    );
    assert.equal(
      item(
        check((_s, r) => (r.studyId = 'other')),
        'result',
      ).status,
      'missing',
    );
    assert.equal(
      item(
        check((_s, r) => r.warnings.push('factor x: status check')),
        'result',
      ).status,
      'warning',
    );
    assert.equal(
      item(
        check((_s, r) => (r.releases.factors = '2025.2')),
        'releases',
      ).status,
      'warning',
    );
  });
});
