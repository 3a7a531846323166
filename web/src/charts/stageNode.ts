import type { LifeCycleStage } from '../../../src/model/lci.ts';
import { STAGES } from '../lib/enums.ts';

/**
 * The server names the stage nodes of its Sankey "[raw-materials]" and of its contribution tree
 * "raw-materials"; the charts show them in the user's language.
 */
export function stageOfNode(name: string): LifeCycleStage | undefined {
  const id = /^\[([a-z-]+)\]$/.exec(name)?.[1] ?? name;
  return STAGES.find((s) => s === id);
}
