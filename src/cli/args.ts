import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A user error: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}

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
      options: { ...spec.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\nSee \`tanji ${spec.name} --help\`.`);
  }
}

export function numberOption(values: Record<string, unknown>, name: string, fallback: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got "${String(raw)}"`);
  return n;
}

export function requireString(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || !v) throw new UsageError(`--${name} is required`);
  return v;
}

export function formatHelp(spec: CommandSpec): string {
  return `tanji ${spec.name} — ${spec.summary}\n\nUsage: ${spec.usage}\n\n${spec.help.trim()}\n`;
}
