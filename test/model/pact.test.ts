import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import type { z } from 'zod';
import {
  CarbonFootprintV3Schema,
  EventV2Schema,
  EventV3Schema,
  GetFootprintResponseV2Schema,
  GetFootprintResponseV3Schema,
  ListFootprintsResponseV2Schema,
  ListFootprintsResponseV3Schema,
  PactErrorSchema,
  PositiveNonZeroDecimalSchema,
  NegativeOrZeroDecimalSchema,
  ProductFootprintV2Schema,
  ProductFootprintV3Schema,
  UrnSchema,
} from '../../src/model/pact.ts';

const REF = '/work/shared/reference/pact';
const read = (v: string, f: string) => JSON.parse(readFileSync(`${REF}/${v}/examples/${f}`, 'utf8'));

/** Which schema each published example is an instance of, by its name. */
function schemaFor(version: 'v2' | 'v3', file: string): z.ZodType {
  const v3 = version === 'v3';
  if (file.startsWith('error-response')) return PactErrorSchema;
  if (file.startsWith('get-footprint')) return v3 ? GetFootprintResponseV3Schema : GetFootprintResponseV2Schema;
  if (file.startsWith('list-footprints') || file.startsWith('invalid-response'))
    return v3 ? ListFootprintsResponseV3Schema : ListFootprintsResponseV2Schema;
  if (file.startsWith('pf-response-event')) return v3 ? EventV3Schema : EventV2Schema;
  if (file.startsWith('example-')) return v3 ? ProductFootprintV3Schema : ProductFootprintV2Schema;
  throw new Error(`no schema known for ${version}/${file}`);
}

const issues = (r: { error?: z.ZodError }) => (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

for (const version of ['v2', 'v3'] as const) {
  const files = readdirSync(`${REF}/${version}/examples`).filter((f) => f.endsWith('.json'));
  test(`${version}: the published examples are all covered`, () => assert.ok(files.length >= 5, files.join(', ')));
  for (const file of files.filter((f) => !f.startsWith('invalid-'))) {
    test(`${version}/${file} validates`, () => {
      const r = schemaFor(version, file).safeParse(read(version, file));
      assert.ok(r.success, issues(r).join('\n'));
    });
  }
  test(`${version}/invalid-response-all-properties.json fails, on its malformed updated date`, () => {
    const r = schemaFor(version, 'invalid-response-all-properties.json').safeParse(
      read(version, 'invalid-response-all-properties.json'),
    );
    assert.equal(r.success, false, 'the invalid example validated');
    const found = issues(r);
    assert.ok(
      found.some((i) => i.startsWith('data.0.updated:')),
      found.join('\n'),
    );
  });
}

test('v3 invalid example also reports packaging emissions given without packagingEmissionsIncluded', () => {
  const r = ListFootprintsResponseV3Schema.safeParse(read('v3', 'invalid-response-all-properties.json'));
  assert.deepEqual(
    issues(r)
      .map((i) => i.split(':')[0])
      .sort(),
    ['data.0.pcf.packagingGhgEmissions', 'data.0.updated'],
    issues(r).join('\n'),
  );
});

test('unknown properties are kept: neither version forbids additional properties', () => {
  const pf = read('v3', 'get-footprint-response.json').data;
  const parsed = ProductFootprintV3Schema.parse(pf);
  assert.equal((parsed.pcf as Record<string, unknown>).biogenicAccountingMethodology, 'GHPG');
});

test('v3 CarbonFootprint: at most one geography', () => {
  const pcf = { ...read('v3', 'example-2.json').pcf, geographyRegionOrSubregion: 'Northern America' };
  const r = CarbonFootprintV3Schema.safeParse(pcf);
  assert.equal(r.success, false);
  assert.match(issues(r).join('\n'), /geographyCountry: only one of .*also got geographyRegionOrSubregion/);
  const { geographyCountry: _, ...global } = read('v3', 'example-2.json').pcf;
  assert.ok(CarbonFootprintV3Schema.safeParse(global).success, 'a global footprint has no geography at all');
});

test('v3 DQRs lie between 1 and 5; reference period is not empty', () => {
  const pcf = read('v3', 'example-3.json').pcf;
  const r = CarbonFootprintV3Schema.safeParse({
    ...pcf,
    dqi: { ...pcf.dqi, temporalDQR: '5.5' },
    referencePeriodEnd: pcf.referencePeriodStart,
  });
  assert.deepEqual(
    issues(r)
      .map((i) => i.split(':')[0])
      .sort(),
    ['dqi.temporalDQR', 'referencePeriodEnd'],
    issues(r).join('\n'),
  );
});

test('v2 validity period: from the reference period end, at most 3 years', () => {
  const pf = read('v2', 'get-footprint-response.json').data;
  const r = ProductFootprintV2Schema.safeParse({
    ...pf,
    validityPeriodStart: '2021-06-01T00:00:00Z',
    validityPeriodEnd: '2025-06-01T00:00:00Z',
  });
  assert.deepEqual(
    issues(r)
      .map((i) => i.split(':')[0])
      .sort(),
    ['validityPeriodEnd', 'validityPeriodStart'],
    issues(r).join('\n'),
  );
});

test('decimal strings and URNs', () => {
  for (const ok of ['1', '0.5', '+12.25', '0.001']) assert.ok(PositiveNonZeroDecimalSchema.safeParse(ok).success, ok);
  for (const bad of ['0', '0.0', '-1', '1e3', '.5', '1.', 1.5])
    assert.equal(PositiveNonZeroDecimalSchema.safeParse(bad).success, false, String(bad));
  for (const ok of ['0', '-0.4', '0.00']) assert.ok(NegativeOrZeroDecimalSchema.safeParse(ok).success, ok);
  assert.equal(NegativeOrZeroDecimalSchema.safeParse('0.4').success, false);
  for (const ok of ['urn:gtin:4712345060507', 'URN:epc:id:sgln:562958.00000.4'])
    assert.ok(UrnSchema.safeParse(ok).success, ok);
  for (const bad of ['gtin:4712345060507', 'urn:x', 'urn:gtin:'])
    assert.equal(UrnSchema.safeParse(bad).success, false, bad);
});

test('events are told apart by type; an unknown type fails', () => {
  const ev = read('v3', 'pf-response-event.json');
  assert.ok(
    EventV3Schema.safeParse({
      ...ev,
      type: 'org.wbcsd.pact.ProductFootprint.RequestRejectedEvent.3',
      data: { requestEventId: 'x', error: { code: 'NotFound', message: 'none' } },
    }).success,
  );
  assert.ok(
    EventV3Schema.safeParse({
      ...ev,
      type: 'org.wbcsd.pact.ProductFootprint.PublishedEvent.3',
      data: { pfIds: ['079e425a-464f-528d-341d-4a944a1dfd70'] },
    }).success,
  );
  assert.equal(EventV3Schema.safeParse({ ...ev, type: 'org.wbcsd.pact.Other.3' }).success, false);
  assert.equal(
    EventV3Schema.safeParse({ ...ev, data: { ...ev.data, pfs: [] } }).success,
    false,
    'a fulfilled request has footprints',
  );
});
