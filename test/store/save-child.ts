import { openStore, saveRelease, type StoreOptions } from '../../src/store/index.ts';
import { fixture } from './fixture.ts';

/** A second process for the concurrent-writers test: saves releases given as arguments into one store. */
const [optsJson, ...releases] = process.argv.slice(2);
const store = await openStore(JSON.parse(optsJson) as StoreOptions);
try {
  for (const release of releases) {
    const db = fixture();
    db.processes = db.processes.map((p) => ({ ...p, name: `${p.name} (${release})` }));
    await saveRelease(store, { release, database: db, notes: `written by pid ${process.pid}` });
  }
} finally {
  await store.close();
}
