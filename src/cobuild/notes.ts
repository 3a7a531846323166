import type { Comparison } from './rebase.ts';
import type { TextLang } from '../i18n/cobuild.ts';
import { NOTES_TEXT } from './notes-text.ts';
import type { DatasetChange, ReleaseItem } from './release.ts';

/**
 * Release notes written from what the release did: the datasets added and replaced (with the
 * fields and values that changed), the organisations that contributed, the aggregates and how many
 * took part in each, and the effect on the benchmark products, each a study calculated on the
 * base release and on the new one. The notes are data; the markdown is written from them in
 * English or Chinese.
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

const fmt = (x: number) => Number(x.toPrecision(4)).toString();

export function releaseNotes(
  release: string,
  base: ReleaseNotes['base'],
  items: readonly ReleaseItem[],
  changes: DatasetChange[],
  aggregates: readonly AggregateInfo[],
  benchmarks: BenchmarkEffect[],
): ReleaseNotes {
  const credited = new Map<string, number>();
  for (const item of items)
    for (const org of new Set(item.contributors)) credited.set(org, (credited.get(org) ?? 0) + 1);
  const contributors = [...credited]
    .map(([organisation, datasets]) => ({ organisation, datasets }))
    .sort((a, b) => b.datasets - a.datasets || a.organisation.localeCompare(b.organisation));
  const notes: Omit<ReleaseNotes, 'summary'> = {
    release,
    base,
    changes,
    contributors,
    aggregates: aggregates.map((a) => ({
      id: a.ref,
      name: a.name,
      contributors: a.contributors,
      datasets: a.datasets,
    })),
    benchmarks,
  };
  return { ...notes, summary: notesSummary(notes, 'en') };
}

/** The one-line summary, from the counts the notes hold. */
export function notesSummary(n: Omit<ReleaseNotes, 'summary'>, lang: TextLang): string {
  const added = n.changes.filter((c) => c.change === 'added').length;
  return NOTES_TEXT[lang].summary({
    release: n.release,
    bases: [n.base.factors, n.base.lci].filter((b): b is string => !!b),
    added,
    replaced: n.changes.length - added,
    aggregates: n.aggregates.length,
    contributors: n.contributors.length,
  });
}

export function notesMarkdown(n: ReleaseNotes, lang: TextLang = 'en'): string {
  const t = NOTES_TEXT[lang];
  const lines = [`# ${t.title(n.release)}`, '', notesSummary(n, lang), '', `## ${t.changed}`, ''];
  if (n.changes.length === 0) lines.push(t.nothingChanged);
  for (const c of n.changes) {
    const unit = c.type === 'process' ? t.perUnitOfProduct : (c.unit ?? '');
    const amount = (x: number) => `${fmt(x)} ${unit}`.trimEnd();
    const values =
      c.before !== undefined && c.after !== undefined
        ? `${t.colon}${fmt(c.before)} → ${amount(c.after)}${t.paren(t.percent((c.after - c.before) / c.before))}`
        : c.after !== undefined
          ? `${t.colon}${amount(c.after)}`
          : '';
    const fields = c.change === 'replaced' && c.fields.length ? t.fields(c.fields) : '';
    lines.push(
      `- ${t.change(c.change, c.type)} \`${c.id}\` ${c.name}${values}${fields}${c.item.kind === 'aggregate' ? t.fromAggregate : ''}`,
    );
  }
  lines.push('', `## ${t.contributors}`, '');
  if (n.contributors.length === 0) lines.push(t.none);
  for (const c of n.contributors) lines.push(`- ${c.organisation}${t.colon}${t.datasets(c.datasets)}`);
  if (n.aggregates.length) {
    lines.push('', `## ${t.aggregates}`, '');
    for (const a of n.aggregates) lines.push(`- ${a.name}${t.colon}${t.aggregate(a)}`);
  }
  lines.push('', `## ${t.benchmarks}`, '');
  if (n.benchmarks.length === 0) lines.push(t.noBenchmarks);
  for (const b of n.benchmarks) {
    if (!b.comparison) {
      lines.push(`- ${b.name}${t.colon}${t.notCalculated(b.error ?? '')}`);
      continue;
    }
    const c = b.comparison;
    lines.push(`- ${b.name}${t.colon}${fmt(c.before)} → ${fmt(c.after)} kg CO2e${t.paren(t.percent(c.relative))}`);
    for (const e of c.entries.slice(0, 5))
      lines.push(`  - ${e.name}${t.colon}${fmt(e.before)} → ${fmt(e.after)} kg CO2e`);
  }
  return `${lines.join('\n')}\n`;
}
