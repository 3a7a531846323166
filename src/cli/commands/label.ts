import { readFile } from 'node:fs/promises';
import type { CommandSpec } from '../args.ts';
import { cliText, langOf, UsageError } from '../args.ts';
import type { CodedMessage } from '../../i18n/define.ts';
import { TrustBundleSchema, type TrustBundle } from '../../model/credential.ts';
import { renderIn } from '../../i18n/define.ts';
import { LABEL_TEXTS } from '../../i18n/labels.ts';
import { verifyLabel } from '../../labels/verify.ts';

/** The largest label or trust file read: a credential is a few KiB, a trust file grows with verifiers and benchmarks. */
const MAX_BYTES = 20 * 1024 * 1024;

async function readSmall(path: string, what: CodedMessage): Promise<string> {
  const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new UsageError(
      cliText('cli.cannot-read', {
        what,
        path,
        reason: e.code === 'ENOENT' ? cliText('cli.no-such-file', {}) : e.message,
      }),
    );
  });
  if (text.length > MAX_BYTES)
    throw new UsageError(cliText('cli.too-large', { what, path, mib: MAX_BYTES / 1024 / 1024 }));
  return text;
}

const MARK = { pass: '✓', fail: '✗', unknown: '?' } as const;

export const labelCommand: CommandSpec = {
  name: 'label',
  summary: 'check a carbon label offline: signature, verifier key, validity, revocation, grade',
  usage: 'tanji label verify <credential.json | label.svg> [--trust tanji-trust.json] [--lang zh|en] [--json]',
  options: { trust: { type: 'string' }, lang: { type: 'string' }, json: { type: 'boolean' } },
  help: `
Checks a label without the store or a server: the file is the label's data file (the signed
credential, tanji-label-<id>.json) or the label SVG, which carries it. The trust file
(GET /api/registry/trust of the registry, downloaded once) holds the verifier keys, each
verifier's signed revocation list and the benchmarks; without it the signature, validity and
grade are checked and the key and revocation are reported as not checked.
  --trust <file>   the registry's trust file
  --lang zh|en     language of the findings and refusals
  --json           the checks as JSON
Exit status: 0 valid, 1 invalid, 3 valid signature but not every check could be made.
Examples:
  curl -o trust.json http://localhost:3000/api/registry/trust
  tanji label verify tanji-label-<id>.json --trust trust.json --lang zh`,
  async run(positionals, values) {
    const [sub, file] = positionals;
    if (sub !== 'verify' || !file || positionals.length > 2)
      throw new UsageError(
        cliText('cli.usage', { usage: 'tanji label verify <credential.json | label.svg> [--trust tanji-trust.json]' }),
      );
    const lang = langOf(values);
    let trust: TrustBundle | undefined;
    if (values.trust) {
      const text = await readSmall(values.trust as string, cliText('cli.what.trust-file', {}));
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new UsageError(cliText('cli.not-json', { path: values.trust as string }));
      }
      const parsed = TrustBundleSchema.safeParse(json);
      if (!parsed.success)
        throw new UsageError(
          cliText('cli.not-trust-file', {
            path: values.trust as string,
            issues: parsed.error.issues
              .slice(0, 3)
              .map((i) => `${i.path.join('.')}: ${i.message}`)
              .join('; '),
          }),
        );
      trust = parsed.data;
    }
    const result = await verifyLabel({ file: await readSmall(file, cliText('cli.what.label-file', {})), trust });
    if (values.json)
      console.log(
        JSON.stringify(
          { verdict: result.verdict, checks: result.checks, label: result.credential?.credentialSubject.id ?? null },
          null,
          2,
        ),
      );
    else {
      const s = result.credential?.credentialSubject;
      if (s)
        console.log(
          `${s.product.name} — ${Number(s.footprint.value.toPrecision(4))} kg CO2e / ${s.footprint.declaredUnit.amount} ${s.footprint.declaredUnit.unit}${s.grade ? `, grade ${s.grade.grade}` : ''} (${s.product.company.name})`,
        );
      for (const c of result.checks) console.log(`${MARK[c.status]} ${renderIn(LABEL_TEXTS, c, lang)}`);
      console.log(
        renderIn(LABEL_TEXTS, { code: `verdict.${result.verdict}`, params: {}, message: result.verdict }, lang),
      );
    }
    return result.verdict === 'valid' ? 0 : result.verdict === 'invalid' ? 1 : 3;
  },
};
