import { Name, X509CrlGenerator, X509CrlReason } from '@peculiar/x509';
import { encodePem } from '../pki/pem';
import { invalidArgument } from './errors';
import { authorityKeyIdentifier, crlNumber as crlNumberExtension } from './extensions';
import { loadIssuer, type CaSigner } from './issuer';
import { signerFor, x509Crypto } from './signer';
import { checkDays, normalizeSerial } from './validity';

/**
 * Certificate revocation lists: X.509 v2 CRLs with a CRL number and the CA's key identifier, one reason code per
 * entry, signed by the CA; as DER (what ALB trust stores and `openssl crl -inform DER` take) and PEM.
 */

export const REVOCATION_REASONS = ['unspecified', 'keyCompromise', 'cACompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation', 'certificateHold', 'privilegeWithdrawn'] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

const REASON_CODES: Record<RevocationReason, X509CrlReason> = {
  unspecified: X509CrlReason.unspecified,
  keyCompromise: X509CrlReason.keyCompromise,
  cACompromise: X509CrlReason.cACompromise,
  affiliationChanged: X509CrlReason.affiliationChanged,
  superseded: X509CrlReason.superseded,
  cessationOfOperation: X509CrlReason.cessationOfOperation,
  certificateHold: X509CrlReason.certificateHold,
  privilegeWithdrawn: X509CrlReason.privilegeWithdrawn,
};

export const DEFAULT_CRL_DAYS = 7;
const MAX_CRL_NUMBER = 2n ** 159n - 1n; // RFC 5280: at most 20 octets

/** 'keyCompromise', 'key-compromise', 'KEY_COMPROMISE' … → the reason; INVALID_ARGUMENT listing them otherwise. */
export function parseRevocationReason(text: string): RevocationReason {
  const wanted = text.replace(/[-_\s]/g, '').toLowerCase();
  const found = REVOCATION_REASONS.find((reason) => reason.toLowerCase() === wanted);
  if (!found) throw invalidArgument('revocation reason', `'${text}' is not one of ${REVOCATION_REASONS.join(', ')}`);
  return found;
}

export interface RevokedEntry {
  /** hex, as the registry and `openssl x509 -serial` show it */
  serial: string;
  revokedAt: Date;
  /** absent or 'unspecified': no reason code (RFC 5280 says not to write 'unspecified') */
  reason?: RevocationReason;
}

export interface CreateCrlOptions {
  revoked: readonly RevokedEntry[];
  /** monotonically increasing per CA; the caller (the registry) keeps the counter */
  crlNumber: number | bigint;
  /** default 7: when relying parties should fetch the next CRL */
  nextUpdateDays?: number;
  now?: Date;
}

export interface CreatedCrl {
  der: Uint8Array;
  pem: string;
  /** decimal */
  crlNumber: string;
  thisUpdate: Date;
  nextUpdate: Date;
  revokedCount: number;
}

function checkCrlNumber(value: number | bigint): bigint {
  const number = typeof value === 'bigint' ? value : Number.isSafeInteger(value) ? BigInt(value) : -1n;
  if (number < 0n || number > MAX_CRL_NUMBER) throw invalidArgument('CRL number', `${String(value)} is not a whole number in 0..2^159-1`);
  return number;
}

function checkEntries(revoked: readonly RevokedEntry[]): { serial: string; revokedAt: Date; reason: RevocationReason }[] {
  const seen = new Set<string>();
  return revoked.map((entry) => {
    const serial = normalizeSerial(entry.serial);
    if (seen.has(serial)) throw invalidArgument('revocation list', `serial ${serial} is listed twice`);
    seen.add(serial);
    if (!(entry.revokedAt instanceof Date) || Number.isNaN(entry.revokedAt.getTime())) throw invalidArgument('revocation list', `serial ${serial} has no valid revocation date`);
    const reason = entry.reason ?? 'unspecified';
    if (!(reason in REASON_CODES)) throw invalidArgument('revocation reason', `'${String(reason)}' is not one of ${REVOCATION_REASONS.join(', ')}`);
    return { serial, revokedAt: entry.revokedAt, reason };
  });
}

export async function createCrl(ca: CaSigner, options: CreateCrlOptions): Promise<CreatedCrl> {
  const now = options.now ?? new Date();
  const issuer = loadIssuer(ca, now, 'crl');
  const number = checkCrlNumber(options.crlNumber);
  const entries = checkEntries(options.revoked);
  const thisUpdate = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const nextUpdate = new Date(thisUpdate.getTime() + checkDays(options.nextUpdateDays ?? DEFAULT_CRL_DAYS, 'CRL validity') * 86_400_000);
  const signer = await signerFor(issuer.key);
  const crl = await X509CrlGenerator.create(
    {
      issuer: new Name(issuer.subjectDer),
      thisUpdate,
      nextUpdate,
      signingAlgorithm: signer.algorithm,
      signingKey: signer.key,
      extensions: [authorityKeyIdentifier(issuer.keyId), crlNumberExtension(number)],
      entries: entries.map((entry) => ({
        serialNumber: entry.serial,
        revocationDate: entry.revokedAt,
        ...(entry.reason === 'unspecified' ? {} : { reason: REASON_CODES[entry.reason] }),
      })),
    },
    x509Crypto,
  );
  const der = new Uint8Array(crl.rawData);
  return { der, pem: encodePem('X509 CRL', der), crlNumber: number.toString(), thisUpdate, nextUpdate, revokedCount: entries.length };
}
