import type { CommandSpec } from '../args.ts';
import { cliText, langOf, numberOption, UsageError } from '../args.ts';
import { FactorKindSchema, type FactorKind } from '../../model/factor.ts';
import { searchFactors, type Purpose } from '../../factors/lookup.ts';
import { listReleases, loadFactors } from '../../store/index.ts';
import { publishSeedFactors, withStore } from '../databases.ts';
import { num, table } from '../format.ts';
import { render } from '../../i18n/catalogue.ts';
import type { Readable } from '../../i18n/define.ts';
import { errorTextOf } from '../../model/errors.ts';

const PURPOSES: Purpose[] = ['product-footprint', 'organisational'];

export const factorCommand: CommandSpec = {
  name: 'factor',
  summary: 'search the background emission factors (Chinese or English), resolved for a region and year',
  usage:
    'tanji factor search <text> [--region CN-SC] [--year 2022] [--kind <kind>] [--purpose product-footprint|organisational] [--release R] [--limit N] [--lang zh|en] [--json]',
  options: {
    region: { type: 'string' },
    year: { type: 'string' },
    kind: { type: 'string' },
    purpose: { type: 'string' },
    release: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
  },
  help: `
Each factor series is resolved for the region by walking province → regional grid → national →
global, and for the year (that year, else the nearest earlier, else the nearest later); the
result says which region answered (resolvedRegion, level) and why in its notes. A region named in
the text (电力 广东, "electricity Guangdong") is searched instead of --region. Life-cycle factors,
what a product footprint needs, come before the CO2-only grid factors of organisational
inventories unless those are asked for (--purpose organisational, --kind electricity-co2, or CO2 /
二氧化碳 in the text).
  --region <code>     CN (default), a grid such as CN-SOUTHWEST, a province such as CN-SC, or a name (四川, Sichuan)
  --year <yyyy>       reference year wanted
  --kind <kind>       ${FactorKindSchema.options.join(', ')}
  --purpose <p>       product-footprint leaves out CO2-only organisational electricity factors,
                      which ISO 14067 / GB/T 24067 do not allow in a product footprint;
                      organisational ranks them by their match like any other
  --release R         the factor release to search (default: the newest release holding factors;
                      the seed data is published as release 2026.1 on first use)
  --limit N           at most N results (default 20; 0 for all)
  --lang zh|en        language of the table, the notes and the refusals (default: zh when LC_ALL or
                      LANG starts with zh, else en)
  --json              a JSON array: id, name, nameZh, value, unit, kind, region, resolvedRegion,
                      level, year, source, release, status, notes, ...
Status: verified (seen in the published source), check (unverified: see the notes), derived
(computed by Tanji; the method field says how).
Examples:
  tanji factor search 电力 --region CN-SC --year 2022
  tanji factor search electricity --region CN-XZ --year 2022 --json
  tanji factor search diesel --kind fuel-combustion`,
  async run(positionals, values) {
    const [sub, ...words] = positionals;
    if (sub !== 'search')
      throw new UsageError(cliText('cli.factor-subcommand', { usage: 'tanji factor search <text>' }));
    const text = words.join(' ').trim();
    if (!text) throw new UsageError(cliText('cli.factor-text', { example: 'tanji factor search 电力 --region CN-SC' }));
    const kind = values.kind as string | undefined;
    if (kind && !FactorKindSchema.options.includes(kind as FactorKind))
      throw new UsageError(cliText('cli.one-of', { option: 'kind', choices: FactorKindSchema.options.join(', ') }));
    const purpose = values.purpose as string | undefined;
    if (purpose && !PURPOSES.includes(purpose as Purpose))
      throw new UsageError(cliText('cli.one-of', { option: 'purpose', choices: PURPOSES.join(', ') }));
    const year = values.year === undefined ? undefined : numberOption(values, 'year', 0);
    const limit = numberOption(values, 'limit', 20);
    const { release, factors } = await factorRelease(values.release as string | undefined);
    let results;
    try {
      results = searchFactors(factors, text, {
        release,
        region: (values.region as string | undefined) ?? 'CN',
        year,
        kind: kind as FactorKind | undefined,
        purpose: purpose as Purpose | undefined,
      });
    } catch (err) {
      throw new UsageError(errorTextOf(err) ?? (err as Error).message);
    }
    const shown = limit > 0 ? results.slice(0, limit) : results;
    if (values.json) {
      console.log(JSON.stringify(shown, null, 2));
      return;
    }
    const lang = langOf(values);
    const say = (m: Readable) => render(m, lang);
    if (!shown.length) {
      console.log(say(cliText('cli.factor.none', { text })));
      return;
    }
    console.log(
      table(
        say(cliText('cli.factor.header', {})).split('|'),
        shown.map((r) => [
          num(r.value),
          r.unit,
          r.kind,
          say(cliText('cli.factor.answered-by', { region: r.resolvedRegion, level: r.level })),
          String(r.year),
          say(cliText('cli.factor.status', { status: r.status })),
          r.nameZh ? (lang === 'zh' ? `${r.nameZh} / ${r.name}` : `${r.name} / ${r.nameZh}`) : r.name,
          r.id,
        ]),
      ),
    );
    const first = shown[0];
    const source = [first.source.publisher, first.source.title, first.source.documentNumber].filter(Boolean).join(', ');
    console.log(`\n${say(cliText('cli.factor.best', { source, release: first.release }))}`);
    for (const n of first.notes) console.log(`  ${say(cliText('cli.factor.note', { note: n }))}`);
  },
};

/** the factors of the requested release, or of the newest release that holds factors */
async function factorRelease(requested?: string) {
  return withStore(async (store) => {
    await publishSeedFactors(store);
    const releases = (await listReleases(store)).filter((r) => r.factors > 0);
    const release = requested ?? releases[releases.length - 1].number;
    if (!releases.some((r) => r.number === release))
      throw new UsageError(
        cliText('cli.no-factor-release', { release, releases: releases.map((r) => r.number).join(', ') }),
      );
    return { release, factors: await loadFactors(store, release) };
  });
}
