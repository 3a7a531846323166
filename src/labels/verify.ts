import { CredentialSchema, RevocationListSchema, type Credential, type TrustBundle } from '../model/credential.ts';
import { coder, type CodedMessage } from '../i18n/define.ts';
import { LABEL_TEXTS, type LabelCode } from '../i18n/labels.ts';
import { hashOf } from './digest.ts';
import { boundsOf, gradeOf } from './grading.ts';
import { checkProof } from './proof.ts';
import { readLabelSvg, renderLabelSvg } from './render.ts';

/**
 * Checks a label with nothing but the label and, optionally, the registry's trust file (verifier
 * keys, their signed revocation lists, the benchmarks): no store, no server, no account. Runs in
 * Node (`tanji label verify`) and in the browser (the verify page). Each check says plainly what
 * holds, what does not, and what could not be checked.
 */

const coded = coder(LABEL_TEXTS);

export type CheckStatus = 'pass' | 'fail' | 'unknown';
export type CheckId =
  'format' | 'signature' | 'issuer' | 'key' | 'validity' | 'revocation' | 'grade' | 'conformance' | 'label';

export interface Check extends CodedMessage<LabelCode> {
  id: CheckId;
  status: CheckStatus;
}

export interface Verification {
  /** valid: every check passed; invalid: one failed; incomplete: none failed, some could not be made */
  verdict: 'valid' | 'invalid' | 'incomplete';
  checks: Check[];
  credential: Credential | null;
}

export interface VerifyInput {
  /** the credential JSON file, or a label SVG (which carries it) as text */
  file: string | unknown;
  trust?: TrustBundle;
  /** when "now" is: the check of validity */
  now?: Date;
}

const day = (iso: string) => iso.slice(0, 10);
const check = <C extends LabelCode>(
  id: CheckId,
  status: CheckStatus,
  code: C,
  params: Parameters<(typeof LABEL_TEXTS)[C]['en']>[0],
): Check => ({ id, status, ...coded(code, params) }) as Check;
const boundsText = (b: readonly number[]) => b.map((x) => Number(x.toPrecision(4))).join(' | ');

export async function verifyLabel({ file, trust, now = new Date() }: VerifyInput): Promise<Verification> {
  const checks: Check[] = [];
  let raw: unknown = file;
  let svg: { text: string; lang: 'zh' | 'en' } | null = null;
  if (typeof file === 'string') {
    if (file.trimStart().startsWith('<')) {
      const read = readLabelSvg(file);
      if ('error' in read) return invalid(check('format', 'fail', 'check.format', { problems: read.error }));
      raw = read.credential;
      svg = { text: file, lang: read.lang };
    } else {
      try {
        raw = JSON.parse(file);
      } catch {
        return invalid(check('format', 'fail', 'check.format', { problems: 'neither JSON nor a label SVG' }));
      }
    }
  }
  const parsed = CredentialSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || 'document'}: ${i.message}`)
      .join('; ');
    return invalid(check('format', 'fail', 'check.format', { problems }));
  }
  // the signature is checked on the document as it came, not on what the schema made of it
  const credential = parsed.data;
  const proof = await checkProof(raw as Record<string, unknown>);
  checks.push(
    proof.valid
      ? check('signature', 'pass', 'check.signature-valid', { did: proof.did })
      : check('signature', 'fail', 'check.signature-invalid', { reason: proof.reason }),
  );
  if (proof.did && proof.did !== credential.issuer.id)
    checks.push(check('issuer', 'fail', 'check.issuer-mismatch', { did: proof.did, issuer: credential.issuer.id }));

  checks.push(keyCheck(credential, trust));
  const from = Date.parse(credential.validFrom);
  const until = Date.parse(credential.validUntil);
  if (now.getTime() < from)
    checks.push(check('validity', 'fail', 'check.not-yet-valid', { from: day(credential.validFrom) }));
  else if (!(now.getTime() <= until))
    checks.push(check('validity', 'fail', 'check.expired', { until: day(credential.validUntil) }));
  else
    checks.push(
      check('validity', 'pass', 'check.valid-period', {
        from: day(credential.validFrom),
        until: day(credential.validUntil),
      }),
    );
  checks.push(await revocationCheck(credential, trust));
  checks.push(await gradeCheck(credential, trust));
  const pcr = `${credential.credentialSubject.pcr.id} ${credential.credentialSubject.pcr.version}`;
  checks.push(
    credential.credentialSubject.pcr.conforms
      ? check('conformance', 'pass', 'check.conforms', { pcr })
      : check('conformance', 'fail', 'check.not-conforming', { pcr }),
  );
  if (svg)
    checks.push(
      renderLabelSvg(credential, svg.lang) === svg.text
        ? check('label', 'pass', 'check.label-matches', {})
        : check('label', 'fail', 'check.label-differs', {}),
    );

  const verdict = checks.some((c) => c.status === 'fail')
    ? 'invalid'
    : checks.some((c) => c.status === 'unknown')
      ? 'incomplete'
      : 'valid';
  return { verdict, checks, credential };
}

function invalid(c: Check): Verification {
  return { verdict: 'invalid', checks: [c], credential: null };
}

function keyCheck(credential: Credential, trust: TrustBundle | undefined): Check {
  if (!trust) return check('key', 'unknown', 'check.key-unchecked', {});
  const did = credential.proof.verificationMethod.split('#')[0]!;
  const key = trust.keys.find((k) => k.did === did && k.purpose === 'verifier');
  if (!key) return check('key', 'fail', 'check.key-foreign', { did });
  if (key.retiredAt && Date.parse(key.retiredAt) < Date.parse(credential.proof.created))
    return check('key', 'fail', 'check.key-retired', { organisation: key.organisation, retired: day(key.retiredAt) });
  return check('key', 'pass', 'check.key-known', { organisation: key.organisation, issued: day(trust.issued) });
}

async function revocationCheck(credential: Credential, trust: TrustBundle | undefined): Promise<Check> {
  const list = trust?.revocationLists.find((l) => l.issuer === credential.issuer.id);
  if (!list) return check('revocation', 'unknown', 'check.revocation-unknown', {});
  const parsed = RevocationListSchema.safeParse(list);
  const proof = await checkProof(list);
  if (!parsed.success || !proof.valid)
    return check('revocation', 'fail', 'check.revocation-list-invalid', {
      reason: proof.valid ? 'malformed' : proof.reason,
    });
  // only the issuer may revoke its own credentials: a list signed by anyone else says nothing
  if (proof.did !== credential.issuer.id)
    return check('revocation', 'fail', 'check.revocation-list-invalid', {
      reason: `signed by ${proof.did}, not by the issuer`,
    });
  const revoked = list.revoked.find((r) => r.id === credential.id);
  return revoked
    ? check('revocation', 'fail', 'check.revoked', { at: day(revoked.at), reason: revoked.reason })
    : check('revocation', 'pass', 'check.not-revoked', { issued: day(list.issued) });
}

async function gradeCheck(credential: Credential, trust: TrustBundle | undefined): Promise<Check> {
  const stated = credential.credentialSubject.grade;
  if (!stated) return check('grade', 'pass', 'check.not-graded', {});
  const value = credential.credentialSubject.footprint.value;
  const name = `${stated.benchmark.id} v${stated.benchmark.version}`;
  const published = trust?.benchmarks.find(
    (b) => b.id === stated.benchmark.id && b.version === stated.benchmark.version,
  );
  if (published) {
    const bounds = boundsOf(published);
    const same =
      (await hashOf(published)) === stated.benchmark.hash && bounds.every((b, i) => b === stated.benchmark.bounds[i]);
    if (!same) return check('grade', 'fail', 'check.benchmark-mismatch', { benchmark: name });
  }
  const grade = gradeOf(value, stated.benchmark.bounds);
  if (grade !== stated.grade)
    return check('grade', 'fail', 'check.grade-wrong', {
      stated: stated.grade,
      grade,
      value,
      bounds: boundsText(stated.benchmark.bounds),
    });
  if (trust && !published) return check('grade', 'unknown', 'check.benchmark-unpublished', { benchmark: name });
  return check('grade', 'pass', 'check.grade-recomputed', {
    grade,
    value,
    bounds: boundsText(stated.benchmark.bounds),
    benchmark: name,
  });
}
