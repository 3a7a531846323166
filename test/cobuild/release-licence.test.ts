import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { factorsLicence, licenceBeside } from '../../src/cli/databases.ts';
import { listOpenReleases, openRelease } from '../../src/cobuild/open-data.ts';
import { seedFactors } from '../../src/factors/seed.ts';
import { openStore, saveRelease } from '../../src/store/index.ts';
import { BACKENDS } from '../store/backends.ts';

/** Every release says what licence it is under and how to cite it, from the data it holds. */

describe('release licence and citation', () => {
  it('a database file’s licence is read from the LICENSE beside it (US LCI: MIT, uslci-admin)', () => {
    const licence = licenceBeside(join(import.meta.dirname, '../../../shared/data/uslci/uslci-olca1.5-jsonld.zip'));
    assert.equal(
      licence,
      'MIT License, Copyright (c) 2017 uslci-admin (LICENSE distributed with uslci-olca1.5-jsonld.zip)',
    );
    assert.equal(licenceBeside(join(import.meta.dirname, 'no-such-dir/x.zip')), undefined);
  });

  it('a factor release is under its factors’ licences, each counted', () => {
    const factors = seedFactors().slice(0, 3);
    const expected = new Map<string, number>();
    for (const f of factors) expected.set(f.licence, (expected.get(f.licence) ?? 0) + 1);
    const text = factorsLicence(factors);
    for (const [licence, n] of expected) assert.ok(text.includes(`${licence} (${n} factors)`), text);
  });

  for (const backend of BACKENDS) {
    it(`${backend.name}: a release saved without a licence reports its datasets’ licences, and every release a citation`, async () => {
      const fresh = backend.fresh();
      const store = await openStore(fresh.opts);
      try {
        const factors = seedFactors();
        await saveRelease(store, { release: 'r1', factors });
        await saveRelease(store, {
          release: 'r2',
          factors: factors.slice(0, 1),
          licence: 'CC BY 4.0',
          source: { title: 'Test factors', publisher: 'Test institute' },
        });
        const [r2, r1] = await listOpenReleases(store);
        assert.equal(r2.licence, 'CC BY 4.0');
        const distinct = new Set(factors.map((f) => f.licence));
        assert.equal(r1.licence!.split(' | ').length, distinct.size);
        for (const l of distinct) assert.ok(r1.licence!.includes(l));
        assert.match(
          r2.citation,
          /^Test institute\. Test factors\. Tanji background database, release r2, \d{4}-\d\d-\d\d\. \/api\/open\/releases\/r2\.$/,
        );
        assert.match((await openRelease(store, 'r1')).citation, /release r1/);
      } finally {
        await store.close();
        await fresh.dispose();
      }
    });
  }
});
