import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The PACT host's TLS certificate: TANJI_PACT_CERT and TANJI_PACT_KEY (PEM files) when set, for
 * a real deployment; otherwise a self-signed one for localhost, made with openssl on first start
 * and kept in the data directory, so that partners can pin it across restarts.
 */

export interface TlsFiles {
  cert: string;
  key: string;
  /** where the certificate came from, for the start banner */
  origin: string;
}

export function tlsCredentials(dir: string): TlsFiles {
  const certFile = process.env.TANJI_PACT_CERT;
  const keyFile = process.env.TANJI_PACT_KEY;
  if (certFile || keyFile) {
    if (!certFile || !keyFile) throw new Error('set both TANJI_PACT_CERT and TANJI_PACT_KEY (PEM files), or neither for a self-signed certificate');
    return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8'), origin: certFile };
  }
  // key and certificate in one file, written under a temporary name and renamed: processes starting
  // at once (tests, two servers) each see either no file or a whole matching pair
  const file = join(dir, 'pact-tls.pem');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const key = `${file}.${process.pid}.key`;
    const cert = `${file}.${process.pid}.crt`;
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '825',
        '-subj', '/CN=localhost/O=Tanji PACT host (self-signed)', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1'], { stdio: 'pipe' });
    } catch (e) {
      throw new Error(`could not make a self-signed certificate with openssl (${(e as Error).message.split('\n')[0]}); install openssl or set TANJI_PACT_CERT and TANJI_PACT_KEY`);
    }
    writeFileSync(`${file}.${process.pid}`, readFileSync(key, 'utf8') + readFileSync(cert, 'utf8'), { mode: 0o600 });
    renameSync(`${file}.${process.pid}`, file);
    rmSync(key);
    rmSync(cert);
  }
  const pem = readFileSync(file, 'utf8');
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n?/.exec(pem)?.[0];
  const key = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----\n?/.exec(pem)?.[0];
  if (!cert || !key) throw new Error(`${file} should hold a private key and a certificate (PEM); remove it to make a new one`);
  return { cert, key, origin: `${file} (self-signed)` };
}
