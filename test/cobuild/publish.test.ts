import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { publishRelease } from '../../src/cobuild/publish.ts';
import { reviewSubmission } from '../../src/cobuild/review.ts';
import { submitDatasets } from '../../src/cobuild/submissions.ts';
import { SEED_RELEASE } from '../../src/factors/seed.ts';
import {
  createCompany,
  createUser,
  getRelease,
  listReleases,
  loadFactors,
  saveRelease,
  type Store,
  type User,
} from '../../src/store/index.ts';
import { factor, SEED } from './fixtures.ts';
import { BACKENDS, openFresh } from '../store/backends.ts';

/**
 * Publishing writes the release and its notes record in one transaction: when the notes cannot be
 * written (a trigger refuses them here), no release, factor, event or notification is left behind,
 * and the same request succeeds once the store accepts the notes.
 */

for (const backend of BACKENDS) {
  describe(backend.name, () => {
    let store: Store;
    let steward: User;
    let submissionId: string;

    before(async () => {
      store = await openFresh(backend);
      await saveRelease(store, { release: SEED_RELEASE, factors: SEED });
      const company = await createCompany(store, 'Plant A');
      const contributor = await createUser(store, {
        email: 'lca@plant-a.example',
        name: 'Plant A LCA',
        role: 'enterprise',
        companyId: company.id,
        passwordHash: 'unused',
      });
      steward = await createUser(store, {
        email: 'steward@example.org',
        name: 'Steward',
        role: 'steward',
        companyId: null,
        passwordHash: 'unused',
      });
      const [head] = await submitDatasets(
        store,
        contributor,
        [
          {
            dataset: {
              type: 'factor',
              factor: factor({
                id: 'material-clinker/CN-HI/2024',
                kind: 'material',
                perUnit: 't',
                unit: 'kg CO2e/t',
                value: 830,
              }),
            },
            meta: { sharing: 'public' },
          },
        ],
        'api',
      );
      submissionId = head.id;
      await reviewSubmission(store, steward, submissionId, { action: 'start-review', baseVersion: 1 });
      await reviewSubmission(store, steward, submissionId, { action: 'approve', baseVersion: 1, comment: 'checked' });
    });

    after(async () => {
      await store.close();
    });

    const count = async (sql: string) =>
      Number((await store.query<{ n: string }>(`SELECT count(*) AS n FROM ${sql}`))[0].n);
    const request = () => ({
      release: '2026.2',
      submissionIds: [submissionId],
      aggregateIds: [],
      licence: 'CC BY 4.0',
    });

    test('a release whose notes fail to be written is not published at all', async () => {
      const factorRows = await count('factors');
      await store.exec(`
    CREATE FUNCTION refuse_notes() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'notes refused'; END $$;
    CREATE TRIGGER refuse_notes BEFORE INSERT ON cobuild_releases FOR EACH ROW EXECUTE FUNCTION refuse_notes();
  `);
      await assert.rejects(publishRelease(store, steward, request()), /notes refused/);
      assert.equal(await getRelease(store, '2026.2'), undefined);
      assert.deepEqual(
        (await listReleases(store)).map((r) => r.number),
        [SEED_RELEASE],
      );
      assert.equal(await count('factors'), factorRows, 'no factor of the release is left');
      assert.equal(await count("cobuild_events WHERE action = 'release.published'"), 0);
      assert.equal(await count("cobuild_notifications WHERE kind = 'release-published'"), 0);

      await store.exec('DROP TRIGGER refuse_notes ON cobuild_releases; DROP FUNCTION refuse_notes();');
      const published = await publishRelease(store, steward, request());
      assert.equal(published.release.number, '2026.2');
      assert.equal((await loadFactors(store, '2026.2')).length, SEED.length + 1);
      assert.equal(await count("cobuild_releases WHERE release = '2026.2'"), 1);
      assert.equal(await count("cobuild_notifications WHERE kind = 'release-published'"), 1);
    });
  });
}
