import type { Study } from '../model/study.ts';
import type { Background } from './background.ts';
import { calculateStudy } from './calculate.ts';
import type { ComponentFootprint } from './per-unit.ts';

/**
 * Component studies: an entry whose source is another study of the same company (cells → module
 * → pack → vehicle), so a multi-level bill of materials is modelled once and used where it goes.
 * Every component is calculated on the parent's background, so one footprint rests on one pair
 * of releases; a component that pins other releases is refused rather than silently re-based.
 * Loops (a pack using a module that uses the pack) are refused with the path that closes them.
 */

/** A component study that cannot be used, with the chain of studies that reached it. */
export class ComponentError extends Error {
  constructor(
    readonly path: readonly string[],
    message: string,
  ) {
    super(`${path.join(' → ')}: ${message}`);
    this.name = 'ComponentError';
  }
}

/** A chain of component studies deeper than this is taken for a mistake, not a bill of materials. */
export const MAX_COMPONENT_DEPTH = 8;

const label = (s: Pick<Study, 'name' | 'id'>) => `"${s.name}" (${s.id})`;

/** The study ids the entries use as components, in entry order. */
export function componentIds(study: Pick<Study, 'entries'>): string[] {
  return [...new Set(study.entries.flatMap((e) => (e.source.type === 'study' ? [e.source.studyId] : [])))];
}

/**
 * Loads every component study reachable from `study` with `load` (the store's latest version),
 * checks company, releases and loops, and calculates each on `bg`, deepest first. Returns the
 * footprints by study id. With `monteCarlo`, each component runs its own Monte Carlo, so the
 * parent's draws carry the component's spread (a lognormal of its mean and sd); correlation
 * through background processes the component and the parent share is not kept.
 */
export async function componentFootprints(
  load: (id: string) => Promise<Study | undefined>,
  study: Study,
  bg: Background,
  monteCarlo: { iterations: number; seed: number } = { iterations: 0, seed: 1 },
): Promise<Map<string, ComponentFootprint>> {
  const loaded = new Map<string, Study>();
  const visit = async (parent: Study, path: Study[]): Promise<void> => {
    for (const id of componentIds(parent)) {
      const chain = [...path.map(label), label(parent)];
      if (id === study.id || path.some((p) => p.id === id) || id === parent.id)
        throw new ComponentError([...chain, id], 'a study cannot use itself, directly or through its components');
      if (chain.length > MAX_COMPONENT_DEPTH)
        throw new ComponentError(chain, `component studies nest deeper than ${MAX_COMPONENT_DEPTH} levels`);
      if (loaded.has(id)) continue;
      const child = await load(id);
      // another company's study is "not found", as the API says it
      if (!child || child.companyId !== study.companyId)
        throw new ComponentError([...chain, id], 'no study of this company has this id');
      if (child.releases.lci !== study.releases.lci || child.releases.factors !== study.releases.factors) {
        throw new ComponentError(
          [...chain, label(child)],
          `the component pins ${child.releases.lci} + ${child.releases.factors}, this study ${study.releases.lci} + ${study.releases.factors}; pin the same releases`,
        );
      }
      await visit(child, [...path, parent]);
      loaded.set(id, child);
    }
  };
  await visit(study, []);
  // `loaded` is in post-order: every component after the components it uses
  const out = new Map<string, ComponentFootprint>();
  for (const [id, child] of loaded)
    out.set(id, { study: child, result: calculateStudy(child, bg, { components: out, ...monteCarlo }) });
  return out;
}
