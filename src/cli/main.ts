import { cliText, formatHelp, LANG_HELP, langInArgv, langOf, parse, UsageError, type CommandSpec } from './args.ts';
import { render } from '../i18n/catalogue.ts';
import { errorTextOf } from '../model/errors.ts';
import { importCommand } from './commands/import.ts';
import { listCommand } from './commands/list.ts';
import { calcCommand } from './commands/calc.ts';
import { calcAllCommand } from './commands/calc-all.ts';
import { contributionsCommand } from './commands/contributions.ts';
import { montecarloCommand } from './commands/montecarlo.ts';
import { exportMatrixCommand } from './commands/export-matrix.ts';
import { methodsCommand } from './commands/methods.ts';
import { factorCommand } from './commands/factor.ts';
import { regionalizeCommand } from './commands/regionalize.ts';
import { dbCommand } from './commands/db.ts';
import { pactCommand } from './commands/pact.ts';
import { studyCommand } from './commands/study.ts';
import { labelCommand } from './commands/label.ts';
import { pcrCommand } from './commands/pcr.ts';
import { storeLocation } from './databases.ts';
import { workerCommand } from './commands/worker.ts';
import { serveCommand } from './commands/serve.ts';

const COMMANDS: CommandSpec[] = [
  importCommand,
  listCommand,
  calcCommand,
  calcAllCommand,
  contributionsCommand,
  montecarloCommand,
  exportMatrixCommand,
  methodsCommand,
  factorCommand,
  regionalizeCommand,
  dbCommand,
  pactCommand,
  studyCommand,
  labelCommand,
  pcrCommand,
  serveCommand,
  workerCommand,
];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `tanji — product carbon footprints with matrix LCA (碳迹)

Usage: tanji <command> [options]      tanji <command> --help for each command

${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

${LANG_HELP}
Store: ${storeLocation()} (TANJI_DATA sets the directory; DATABASE_URL a PostgreSQL server)
Quick start:
  tanji import ../shared/data/uslci/uslci-olca1.5-jsonld.zip --name uslci
  tanji list --search electricity
  tanji calc "Electricity, at Grid, US, 2008" --method ipcc-ar6-gwp100 --amount 1
`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const topic = COMMANDS.find((c) => c.name === rest[0]);
    console.log(topic ? formatHelp(topic) : overview());
    return 0;
  }
  const spec = COMMANDS.find((c) => c.name === name);
  if (!spec) {
    console.error(
      `tanji: ${render(cliText('cli.unknown-command', { command: name }), langInArgv(rest))}\n\n${overview()}`,
    );
    return 2;
  }
  let lang = langInArgv(rest);
  try {
    const { values, positionals } = parse(spec, rest);
    if (values.help) {
      console.log(formatHelp(spec));
      return 0;
    }
    lang = langOf(values);
    // commands read the language resolved once here: --lang, else the environment's
    values.lang = lang;
    // a command may answer with its own exit status (label verify: 1 invalid, 3 incomplete)
    return (await spec.run(positionals, values)) ?? 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`tanji ${name}: ${render(err.text, lang)}`);
      return 2;
    }
    const e = err as Error;
    console.error(`tanji ${name}: ${render(errorTextOf(err) ?? e.message, lang)}`);
    if (process.env.TANJI_DEBUG) console.error(e.stack);
    return 1;
  }
}
