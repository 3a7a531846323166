import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CLI_TEXTS } from '../i18n/cli.ts';
import { coder, type Readable, type TextLang } from '../i18n/define.ts';

/** `cliText(code, params)`: the command's own words, coded so they print in the reader's language. */
export const cliText = coder(CLI_TEXTS);

/** A user error: printed without a stack trace, exit code 2, in the language of `--lang`. */
export class UsageError extends Error {
  constructor(readonly text: Readable) {
    super(typeof text === 'string' ? text : text.message);
  }
}

/** The language of the environment: LC_ALL, else LANG, naming Chinese (zh_CN.UTF-8, zh_TW) gives zh, anything else en. */
export function environmentLang(env: NodeJS.ProcessEnv = process.env): TextLang {
  return /^zh/i.test(env.LC_ALL || env.LANG || '') ? 'zh' : 'en';
}

/** The language a command prints in: `--lang zh|en`, else the environment's. */
export function langOf(values: Record<string, unknown>): TextLang {
  const lang = values.lang;
  if (lang === undefined) return environmentLang();
  if (lang === 'zh' || lang === 'en') return lang;
  throw new UsageError(cliText('cli.lang', {}));
}

/** `--lang` read from a command line that did not parse, so its refusal prints in the language asked for. */
export function langInArgv(argv: readonly string[]): TextLang {
  const at = argv.indexOf('--lang');
  const given = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  return given === 'zh' || given === 'en' ? given : environmentLang();
}

export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** lines explaining options and examples, shown by --help */
  help: string;
  run(
    positionals: string[],
    values: Record<string, string | boolean | undefined>,
  ): Promise<void | number> | void | number;
}

export function parse(spec: CommandSpec, argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: { ...spec.options, help: { type: 'boolean', short: 'h' }, lang: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(cliText('cli.bad-arguments', { detail: (err as Error).message, command: spec.name }));
  }
}

export function numberOption(values: Record<string, unknown>, name: string, fallback: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new UsageError(cliText('cli.not-a-number', { option: name, given: String(raw) }));
  return n;
}

export function requireString(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || !v) throw new UsageError(cliText('cli.required', { option: name }));
  return v;
}

/** What every command's --help says of the language it prints in. */
export const LANG_HELP =
  'Language: --lang zh|en (every command); without it, zh when LC_ALL (else LANG) starts with zh, else en.';

export function formatHelp(spec: CommandSpec): string {
  return `tanji ${spec.name} — ${spec.summary}\n\nUsage: ${spec.usage}\n\n${spec.help.trim()}\n\n${LANG_HELP}\n`;
}
