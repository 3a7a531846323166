import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { instanceSetting, settleInstanceSetting, type Queryable } from '../../store/index.ts';
import { join } from 'node:path';

/**
 * The PACT host's TLS certificate: TANJI_PACT_CERT and TANJI_PACT_KEY (PEM files) when set, for
 * a real deployment; otherwise a self-signed one for localhost, made with openssl on first start
 * and kept in the store, so that partners can pin it across restarts and across servers.
 */

export interface TlsFiles {
  cert: string;
  key: string;
  /** where the certificate came from, for the start banner */
  origin: string;
}

/**
 * The configured certificate, else the installation's self-signed one from the store, made by the
 * first process that needs it: every server of one database presents the same certificate, which
 * partners pin. A certificate an older Tanji kept in `dir` is adopted on the way.
 */
export async function tlsCredentials(store: Queryable, dir: string): Promise<TlsFiles> {
  const certFile = process.env.TANJI_PACT_CERT;
  const keyFile = process.env.TANJI_PACT_KEY;
  if (certFile || keyFile) {
    if (!certFile || !keyFile)
      throw new Error(
        'set both TANJI_PACT_CERT and TANJI_PACT_KEY (PEM files), or neither for a self-signed certificate',
      );
    return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8'), origin: certFile };
  }
  let pem = await instanceSetting(store, SETTING);
  if (!pem) {
    const legacy = join(dir, 'pact-tls.pem');
    pem = await settleInstanceSetting(
      store,
      SETTING,
      existsSync(legacy) ? readFileSync(legacy, 'utf8') : selfSigned(dir),
    );
  }
  const { cert, key } = splitPem(pem, `the stored PACT host certificate (instance setting ${SETTING})`);
  return { cert, key, origin: 'the store (self-signed, shared by every server)' };
}

/** A new self-signed certificate and its key for localhost (made with openssl in `dir`, which keeps nothing). */
export function selfSignedCertificate(dir: string): { cert: string; key: string } {
  return splitPem(selfSigned(dir), 'the new self-signed certificate');
}

function splitPem(pem: string, what: string): { cert: string; key: string } {
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n?/.exec(pem)?.[0];
  const key = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----\n?/.exec(pem)?.[0];
  if (!cert || !key) throw new Error(`${what} should hold a private key and a certificate (PEM)`);
  return { cert, key };
}

const SETTING = 'pact-tls-self-signed';

/** A new self-signed certificate for localhost, key and certificate in one PEM text. */
function selfSigned(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `pact-tls.${process.pid}.${Date.now()}`);
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        `${base}.key`,
        '-out',
        `${base}.crt`,
        '-days',
        '825',
        '-subj',
        '/CN=localhost/O=Tanji PACT host (self-signed)',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1',
      ],
      { stdio: 'pipe' },
    );
    return readFileSync(`${base}.key`, 'utf8') + readFileSync(`${base}.crt`, 'utf8');
  } catch (e) {
    throw new Error(
      `could not make a self-signed certificate with openssl (${(e as Error).message.split('\n')[0]}); install openssl or set TANJI_PACT_CERT and TANJI_PACT_KEY`,
    );
  } finally {
    rmSync(`${base}.key`, { force: true });
    rmSync(`${base}.crt`, { force: true });
  }
}
