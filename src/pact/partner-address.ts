import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { coder } from '../i18n/define.ts';
import { PACT_TEXTS } from '../i18n/pact.ts';
import { DomainError, type ErrorText } from '../model/errors.ts';

/**
 * Where the PACT client may connect. A partner's host URL is typed by a user, so without a check
 * the server would connect wherever it is told: to a database port on its own machine, to the
 * cloud's metadata service, to the company network behind it, and report what it found in its
 * error messages. A partner host must be an https:// URL without credentials in it whose name
 * resolves to public addresses only; every connection checks the address it actually connects
 * to (so a name that changes its answer after the check gains nothing). Partners on one's own
 * network (two Tanji instances on one machine, a test) are allowed with TANJI_PACT_ALLOW_PRIVATE=1.
 */

const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv6');

export const allowPrivatePartners = () => process.env.TANJI_PACT_ALLOW_PRIVATE === '1';

/** Whether an IP address is on a loopback, private, link-local, shared or reserved network. */
export function isPrivateAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 0) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return PRIVATE.check(mapped[1], 'ipv4');
  return PRIVATE.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

/** A partner host the client may not use; as a connection's partnerUrl, a request the API refuses. */
export class PartnerAddressError extends DomainError {
  constructor(text: ErrorText) {
    super('bad-request', 'invalid-request', text);
  }
}

const coded = coder(PACT_TEXTS);

const refusal = (host: string) => new PartnerAddressError(coded('pact.partner-private', { host }));

/** The URL of a partner host when it may be used: https, no user or password in it, and, for an IP literal, a public address. */
export function checkPartnerUrl(url: string): URL {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new PartnerAddressError(coded('pact.partner-not-url', { url: url.slice(0, 200) }));
  }
  if (target.protocol !== 'https:')
    throw new PartnerAddressError(coded('pact.partner-not-https', { origin: target.origin }));
  if (target.username || target.password) throw new PartnerAddressError(coded('pact.partner-credentials-in-url', {}));
  const literal = target.hostname.replace(/^\[|\]$/g, '');
  if (isIP(literal) && isPrivateAddress(literal) && !allowPrivatePartners()) throw refusal(target.host);
  return target;
}

/** DNS lookup for partner connections: refuses when a resolved address is private (see above). */
export const partnerLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 0);
    if (!allowPrivatePartners() && addresses.some((a) => isPrivateAddress(a.address)))
      return callback(refusal(hostname) as NodeJS.ErrnoException, '', 0);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    return callback(null, addresses[0].address, addresses[0].family);
  });
};

/**
 * A connection's partnerUrl: checkPartnerUrl, and the host's name resolved now, so that a name
 * that points inside is refused when the connection is made, not at the first pull. A refusal
 * names the field.
 */
export async function checkPartnerHost(url: string): Promise<URL> {
  try {
    const target = checkPartnerUrl(url);
    if (allowPrivatePartners() || isIP(target.hostname.replace(/^\[|\]$/g, ''))) return target;
    await new Promise<void>((resolve, reject) =>
      partnerLookup(target.hostname, { all: true }, (err) => {
        // a name that does not resolve yet is the partner's to fix; only a private answer is refused
        if (err instanceof PartnerAddressError) reject(err);
        else resolve();
      }),
    );
    return target;
  } catch (e) {
    if (!(e instanceof PartnerAddressError) || !e.text) throw e;
    throw new PartnerAddressError(coded('pact.partner-url-field', { problem: e.text }));
  }
}
