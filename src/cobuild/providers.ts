import type { LciDatabase } from '../model/lci.ts';
import { coded } from '../i18n/cobuild.ts';
import type { Issue, ProcessDataset } from './model.ts';

/**
 * A provider named on an exchange must be a process of the current LCI release that provides the
 * exchange's flow (outputs the product, or takes the waste). Linking ignores any other silently and
 * falls back to its default rule, so a mistyped provider would change nothing anyone could see.
 */
export function providerIssues(d: ProcessDataset, db: LciDatabase, release: string): Issue[] {
  const processes = new Map(db.processes.map((p) => [p.id, p]));
  const issues: Issue[] = [];
  d.process.exchanges.forEach((e, i) => {
    if (e.providerId === undefined) return;
    const field = `process.exchanges[${i}].providerId`;
    const provider = processes.get(e.providerId);
    if (!provider) return issues.push({ field, ...coded('provider.unknown', { provider: e.providerId, release }) });
    if (!provider.exchanges.some((x) => x.flowId === e.flowId && x.input !== e.input && !x.avoided)) {
      issues.push({
        field,
        ...coded('provider.not-providing', { name: provider.name, provider: provider.id, flowId: e.flowId }),
      });
    }
  });
  return issues;
}
