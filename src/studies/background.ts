import type { StoredMessage } from '../model/message.ts';
import type { Factor } from '../model/factor.ts';
import type { LciDatabase } from '../model/lci.ts';
import type { GhgLine, ImpactMethod } from '../model/method.ts';
import type { StudyMethod } from '../model/study.ts';
import type { ExchangeColumns } from '../engine/linking.ts';
import type { LcaSystem } from '../engine/system.ts';
import { solvableSystem, type ExcludedProcess } from '../engine/solvable.ts';
import { allProcessScores, characterizationVector, GHG_LINES, type CharacterizationVector } from '../engine/lca.ts';
import type { Factorization } from '../engine/sparse/lu.ts';
import { getMethod } from '../factors/gwp.ts';
import { loadFactors, watchStore, type Queryable } from '../store/index.ts';
import { loadReleaseWithColumns } from '../store/releases.ts';
import { loadScreen } from '../store/screens.ts';
import type { ScreenReport } from '../screen/screen.ts';
import { DomainError, errorTextOf, type ErrorText } from '../model/errors.ts';
import { coder } from '../i18n/define.ts';
import { STUDY_TEXTS } from '../i18n/studies.ts';

const coded = coder(STUDY_TEXTS);

/**
 * The background a study is calculated on: one LCI release and one factor release, both pinned by
 * the study, characterised with the study's GWP set. Building it costs a release load and one
 * factorization; afterwards the per-unit footprint of every process, per ISO 14067 line, is one
 * adjoint solve per line (λ = A⁻ᵀ Bᵀ c_line), so a study of any size is a dot product.
 * Releases are immutable, so a built background is cached (bounded, per store); a release saved
 * under its number, in any process, drops it all the same.
 */

export interface Background {
  lciRelease: string;
  factorRelease: string;
  method: ImpactMethod;
  db: LciDatabase;
  system: LcaSystem;
  lu: Factorization;
  cv: CharacterizationVector;
  /** scores[line][j]: kg CO2e on that line per unit of provider column j's product */
  scores: Record<GhgLine, Float64Array>;
  /** the part of scores.biogenic that is not CO2 (biogenic CH4…), which PACT reports apart from biogenic CO2 */
  biogenicNonCO2: Float64Array;
  /** process id → its reference product column */
  columnOf: Map<string, number>;
  factors: Factor[];
  factorById: Map<string, Factor>;
  /** processes the release's quality screen quarantined, with the findings' texts: out of default search, flagged when chosen */
  quarantine: Map<string, StoredMessage[]>;
  /** processes of the release left out of the matrices because A is singular with them (engine/solvable.ts) */
  excluded: ExcludedProcess[];
}

/** A background release that is missing or empty (404 unknown-release). */
export class UnknownReleaseError extends DomainError {
  constructor(
    readonly release: string,
    message: ErrorText,
  ) {
    super('not-found', 'unknown-release', message);
  }
}

/** Why the store could not give a release: its own words when it has them. */
const causeOf = (err: unknown): string | ErrorText => errorTextOf(err) ?? (err as Error).message;

/** What a background is built from, as the store gives it: plain data a worker thread can be sent. */
export interface BackgroundInputs {
  lciRelease: string;
  factorRelease: string;
  methodId: StudyMethod;
  db: LciDatabase;
  columns: ExchangeColumns;
  factors: Factor[];
  /** what the release's quality screen quarantined, with the findings' texts */
  quarantine: Map<string, StoredMessage[]>;
}

/** Backgrounds kept per store (a server may open several), the least recently used dropped first. */
const MAX_BACKGROUNDS = Math.max(1, Number(process.env.TANJI_BACKGROUND_CACHE ?? 4) || 4);
const caches = new WeakMap<Queryable, Map<string, Promise<Background>>>();

export function backgroundKey(lciRelease: string, factorRelease: string, methodId: StudyMethod): string {
  return `${lciRelease}\u0000${factorRelease}\u0000${methodId}`;
}

/** Releases are immutable, so a built background stays exact for as long as it is kept. */
export function loadBackground(
  db: Queryable,
  lciRelease: string,
  factorRelease: string,
  methodId: StudyMethod,
): Promise<Background> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = forgetfulCache(db)));
  const key = backgroundKey(lciRelease, factorRelease, methodId);
  let hit = cache.get(key);
  if (hit) cache.delete(key);
  else {
    hit = loadBackgroundInputs(db, lciRelease, factorRelease, methodId).then(buildBackground);
    const own = cache;
    hit.catch(() => own.get(key) === hit && own.delete(key));
  }
  cache.set(key, hit);
  if (cache.size > MAX_BACKGROUNDS) cache.delete(cache.keys().next().value!);
  return hit;
}

/**
 * A store's backgrounds, each dropped when a release it is built from is saved (by any process:
 * a number restored from a backup, or one that was missing when it was asked for) or when the
 * store's notices may have been missed.
 */
function forgetfulCache(db: Queryable): Map<string, Promise<Background>> {
  const cache = new Map<string, Promise<Background>>();
  watchStore(db, (n) => {
    if (n.topic === '*') cache.clear();
    if (n.topic !== 'release') return;
    for (const key of [...cache.keys()]) if (key.split('\u0000').slice(0, 2).includes(n.subject)) cache.delete(key);
  });
  return cache;
}

/** Reads what a background is built from; throws UnknownReleaseError naming a release that is missing or empty. */
export async function loadBackgroundInputs(
  store: Queryable,
  lciRelease: string,
  factorRelease: string,
  methodId: StudyMethod,
): Promise<BackgroundInputs> {
  const [lci, factors, screen] = await Promise.all([
    lciFor(store, lciRelease),
    factorsOf(store, factorRelease),
    loadScreen(store, lciRelease),
  ]);
  if (factors.length === 0)
    throw new UnknownReleaseError(factorRelease, coded('release.no-factors', { release: factorRelease }));
  return {
    lciRelease,
    factorRelease,
    methodId,
    db: lci.db,
    columns: lci.columns,
    factors,
    quarantine: screen ? quarantineOf(screen) : new Map(),
  };
}

/** Pure: the background from its inputs (matrices, one factorization, every process's scores). */
export function buildBackground(inputs: BackgroundInputs): Background {
  return backgroundOf(
    inputs.db,
    inputs.factors,
    inputs.lciRelease,
    inputs.factorRelease,
    getMethod(inputs.methodId),
    inputs.columns,
    inputs.quarantine,
  );
}

async function factorsOf(store: Queryable, release: string): Promise<Factor[]> {
  try {
    return await loadFactors(store, release);
  } catch (err) {
    throw new UnknownReleaseError(release, coded('release.unreadable-factors', { release, reason: causeOf(err) }));
  }
}

async function lciFor(store: Queryable, release: string): Promise<{ db: LciDatabase; columns: ExchangeColumns }> {
  try {
    const lci = await loadReleaseWithColumns(store, release);
    if (lci.db.processes.length === 0)
      throw new UnknownReleaseError(release, coded('release.no-processes', { release }));
    return lci;
  } catch (err) {
    if (err instanceof UnknownReleaseError) throw err;
    throw new UnknownReleaseError(release, coded('release.unreadable-lci', { release, reason: causeOf(err) }));
  }
}

/** The GWP table's name of carbon dioxide (`cv.substance`), the one biogenic gas PACT does not count as non-CO2. */
const CO2 = 'carbon dioxide';

/** Pure: the matrices, one factorization and the per-line scores of every process. `columns`: db's exchanges as the store loaded them. */
export function backgroundOf(
  release: LciDatabase,
  factors: Factor[],
  lciRelease: string,
  factorRelease: string,
  method: ImpactMethod,
  columns?: ExchangeColumns,
  quarantine: Map<string, StoredMessage[]> = new Map(),
): Background {
  // quarantined processes stay in the matrices (a user may still choose one, flagged); only what makes A singular is left out
  const { db, system, lu, excluded } = solvableSystem(release, columns);
  const cv = characterizationVector(system, method);
  const scores = {} as Record<GhgLine, Float64Array>;
  for (const line of GHG_LINES)
    scores[line] = allProcessScores(
      system,
      lu,
      cv.c.map((v, e) => (cv.line[e] === line ? v : 0)),
    );
  const biogenicNonCO2 = allProcessScores(
    system,
    lu,
    cv.c.map((v, e) => (cv.line[e] === 'biogenic' && cv.substance[e] !== CO2 ? v : 0)),
  );
  const columnOf = new Map<string, number>();
  for (const p of system.index.providers)
    if (p.exchange.reference && !columnOf.has(p.process.id)) columnOf.set(p.process.id, p.index);
  return {
    lciRelease,
    factorRelease,
    method,
    db,
    system,
    lu,
    cv,
    scores,
    biogenicNonCO2,
    columnOf,
    factors,
    factorById: new Map(factors.map((f) => [f.id, f])),
    quarantine,
    excluded,
  };
}

/** The quarantined processes of a screen report, each with the messages of its quarantining findings. */
export function quarantineOf(report: ScreenReport): Map<string, StoredMessage[]> {
  const out = new Map<string, StoredMessage[]>();
  const quarantined = new Set(report.quarantined);
  for (const f of report.findings)
    if (quarantined.has(f.processId) && f.severity === 'quarantine')
      out.set(f.processId, [...(out.get(f.processId) ?? []), { code: f.code, params: f.params, message: f.message }]);
  return out;
}
