import type { Comparison } from './rebase.ts';
import type { DatasetChange, ReleaseItem } from './release.ts';

/**
 * Release notes written from what the release did: the datasets added and replaced (with the
 * fields and values that changed), the organisations that contributed, the aggregates and how many
 * took part in each, and the effect on the benchmark products, each a study calculated on the
 * base release and on the new one.
 */

export interface BenchmarkEffect {
  id: string;
  name: string;
  comparison?: Comparison;
  /** why the benchmark could not be calculated on one of the releases */
  error?: string;
}

export interface ReleaseNotes {
  release: string;
  base: { factors?: string; lci?: string };
  summary: string;
  changes: DatasetChange[];
  contributors: { organisation: string; datasets: number }[];
  aggregates: { id: string; name: string; contributors: number; datasets: number }[];
  benchmarks: BenchmarkEffect[];
}

export interface AggregateInfo {
  ref: string;
  name: string;
  contributors: number;
  datasets: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const fmt = (x: number) => Number(x.toPrecision(4)).toString();
const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;

export function releaseNotes(
  release: string,
  base: ReleaseNotes['base'],
  items: readonly ReleaseItem[],
  changes: DatasetChange[],
  aggregates: readonly AggregateInfo[],
  benchmarks: BenchmarkEffect[],
): ReleaseNotes {
  const credited = new Map<string, number>();
  for (const item of items) for (const org of new Set(item.contributors)) credited.set(org, (credited.get(org) ?? 0) + 1);
  const contributors = [...credited].map(([organisation, datasets]) => ({ organisation, datasets })).sort((a, b) => b.datasets - a.datasets || a.organisation.localeCompare(b.organisation));
  const added = changes.filter((c) => c.change === 'added').length;
  const replaced = changes.length - added;
  const summary =
    `Release ${release}${base.factors || base.lci ? ` on ${[base.factors, base.lci].filter(Boolean).join(' + ')}` : ''}: ` +
    `${plural(added, 'dataset')} added, ${replaced} replaced, ${plural(aggregates.length, 'aggregate')}, ${plural(contributors.length, 'contributing organisation')}.`;
  return {
    release,
    base,
    summary,
    changes,
    contributors,
    aggregates: aggregates.map((a) => ({ id: a.ref, name: a.name, contributors: a.contributors, datasets: a.datasets })),
    benchmarks,
  };
}

export function notesMarkdown(n: ReleaseNotes): string {
  const lines = [`# Release ${n.release}`, '', n.summary, '', '## What changed', ''];
  if (n.changes.length === 0) lines.push('Nothing: the release repeats its base.');
  for (const c of n.changes) {
    const values = c.before !== undefined && c.after !== undefined ? `: ${fmt(c.before)} → ${fmt(c.after)} ${c.unit ?? ''} (${pct((c.after - c.before) / c.before)})` : c.after !== undefined ? `: ${fmt(c.after)} ${c.unit ?? ''}` : '';
    const fields = c.change === 'replaced' && c.fields.length ? `; fields ${c.fields.join(', ')}` : '';
    lines.push(`- ${c.change} ${c.type} \`${c.id}\` ${c.name}${values.trimEnd()}${fields}${c.item.kind === 'aggregate' ? ' (aggregate)' : ''}`);
  }
  lines.push('', '## Contributors', '');
  if (n.contributors.length === 0) lines.push('None.');
  for (const c of n.contributors) lines.push(`- ${c.organisation}: ${plural(c.datasets, 'dataset')}`);
  if (n.aggregates.length) {
    lines.push('', '## Aggregates', '');
    for (const a of n.aggregates) lines.push(`- ${a.name}: ${plural(a.datasets, 'dataset')} from ${plural(a.contributors, 'organisation')}; their primary data stay confidential`);
  }
  lines.push('', '## Effect on benchmark products', '');
  if (n.benchmarks.length === 0) lines.push('No benchmark products are defined.');
  for (const b of n.benchmarks) {
    if (!b.comparison) {
      lines.push(`- ${b.name}: not calculated (${b.error})`);
      continue;
    }
    const c = b.comparison;
    lines.push(`- ${b.name}: ${fmt(c.before)} → ${fmt(c.after)} kg CO2e (${pct(c.relative)})`);
    for (const e of c.entries.slice(0, 5)) lines.push(`  - ${e.name}: ${fmt(e.before)} → ${fmt(e.after)} kg CO2e`);
  }
  return `${lines.join('\n')}\n`;
}
