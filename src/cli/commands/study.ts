import { readFileSync } from 'node:fs';
import type { CommandSpec } from '../args.ts';
import { cliText, langOf, numberOption, UsageError } from '../args.ts';
import { COMMON_HELP, COMMON_OPTIONS, openWorkspace } from '../workspace.ts';
import { getMethod } from '../../factors/gwp.ts';
import { seedFactors } from '../../factors/seed.ts';
import { HEADLINE_STANDARDS } from '../../model/headline.ts';
import { StudyInputSchema, type Study } from '../../model/study.ts';
import { backgroundOf } from '../../studies/background.ts';
import { calculateStudy } from '../../studies/calculate.ts';
import { render } from '../../i18n/catalogue.ts';
import { quantityText } from '../../i18n/units.ts';
import { num, table } from '../format.ts';

export const studyCommand: CommandSpec = {
  name: 'study',
  summary: 'calculate a study file: the CFP with removals and PACT values, scenarios and sensitivity',
  usage: 'tanji study <study.json> [--iterations N] [--seed N] [--lang en|zh] [--json]',
  options: {
    ...COMMON_OPTIONS,
    iterations: { type: 'string' },
    seed: { type: 'string' },
    lang: { type: 'string' },
    json: { type: 'boolean' },
  },
  help: `
Reads a study as the web app downloads it (or its "study" field), calculates it on the LCI
database of --db (which must be the release the study pins) and the seeded China factors, and
prints the headline values, each with the standard that defines it:
  CFP (${HEADLINE_STANDARDS.cfp}) = GHG emissions + removals (biogenic uptake, land management)
  ${HEADLINE_STANDARDS.pactExcluding}, ${HEADLINE_STANDARDS.pactIncluding}
then the scenarios beside the base and the one-at-a-time sensitivity, widest swing first.
  --iterations N   Monte Carlo draws (default 0: none), with each input's share of the variance
  --seed N         default 1
  --lang en|zh     language of the warnings, units and refusals
  --json           the whole result as JSON
${COMMON_HELP}`,
  async run(positionals, values) {
    const [file] = positionals;
    const lang = langOf(values);
    if (!file) throw new UsageError(cliText('cli.name-study-file', { usage: 'tanji study durian.json' }));
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const parsed = StudyInputSchema.safeParse(raw.study ?? raw);
    if (!parsed.success)
      throw new UsageError(
        cliText('cli.not-a-study', {
          file,
          issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        }),
      );
    const input = parsed.data;
    const ws = await openWorkspace(values);
    const bg = backgroundOf(ws.db, seedFactors(), input.releases.lci, input.releases.factors, getMethod(input.method));
    const study: Study = {
      ...input,
      id: file,
      companyId: '',
      version: 1,
      updatedAt: new Date().toISOString(),
      updatedBy: 'cli',
    };
    const r = calculateStudy(study, bg, {
      iterations: numberOption(values, 'iterations', 0),
      seed: numberOption(values, 'seed', 1),
    });
    if (values.json) {
      console.log(JSON.stringify(r, null, 2));
      return;
    }
    const h = r.headline!;
    const unit = `kg CO2e / ${quantityText(String(input.unit.amount), input.unit.unit, lang)}`;
    console.log(`${input.product.name}: ${input.name}\n`);
    console.log(
      table(
        ['', unit, 'defined by'],
        [
          ['CFP (emissions + removals)', num(h.cfp), HEADLINE_STANDARDS.cfp],
          ['  GHG emissions', num(h.emissions), HEADLINE_STANDARDS.emissions],
          ['  removals: biogenic uptake', num(h.removals.biogenicUptake), HEADLINE_STANDARDS.removals],
          ['  removals: land management', num(h.removals.landManagement), HEADLINE_STANDARDS.removals],
          ['PACT excluding biogenic uptake', num(h.pact.v3.excludingBiogenicUptake), HEADLINE_STANDARDS.pactExcluding],
          ['PACT including biogenic uptake', num(h.pact.v3.includingBiogenicUptake), HEADLINE_STANDARDS.pactIncluding],
        ],
      ),
    );
    console.log(
      `\nprimary data share ${(r.primaryDataShare * 100).toFixed(1)}% (by where the factors come from), DQR ${r.dqr.toFixed(1)}`,
    );
    if (r.scenarios?.length) {
      console.log('\nscenarios');
      console.log(
        table(
          ['', 'emissions', 'CFP'],
          [
            ['base', num(h.emissions), num(h.cfp)],
            ...r.scenarios.map((s) => [s.name, num(s.total), num(s.total + s.removals)]),
          ],
        ),
      );
    }
    if (r.sensitivity?.cases.length) {
      console.log('\nsensitivity, one at a time (CFP with the input at its low / high end)');
      console.log(
        table(
          ['input', 'range', 'CFP low', 'CFP high'],
          r.sensitivity.cases.map((c) => [
            `${c.kind} ${c.name}`,
            `${num(c.low)}–${num(c.high)} ${c.unit} (${c.rangeBasis})`,
            num(c.cfpLow),
            num(c.cfpHigh),
          ]),
        ),
      );
    }
    const u = r.uncertainty;
    if (u) {
      console.log(
        `\nMonte Carlo (${u.iterations} draws, seed ${u.seed}): emissions 95% ${num(u.p2_5)}–${num(u.p97_5)}, mean ${num(u.mean)}`,
      );
      console.log(
        table(
          ['input', 'share of variance'],
          (u.contributions ?? [])
            .slice(0, 10)
            .map((c) => [`${c.kind} ${render(c.name, lang)}`, `${(c.share * 100).toFixed(1)}%`]),
        ),
      );
    }
    for (const w of r.warnings) console.log(render(cliText('cli.warning', { warning: w }), lang));
  },
};
