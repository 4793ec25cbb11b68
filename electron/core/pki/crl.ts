import type { CrlInfo } from '../../common/dto/inspect';
import { children, expectTag, raw, readSingle, TAG } from './der';
import { serialHex } from './certificate';
import { formatName } from './names';
import { guarded } from './read-errors';
import { signatureAlgorithmName } from './signature-names';
import { parseTime } from './time';

const isTime = (tag: number | undefined) => tag === TAG.UTC_TIME || tag === TAG.GENERALIZED_TIME;

/** X.509 CertificateList → CrlInfo. */
export function describeCrl(der: Uint8Array, source: string): CrlInfo {
  return guarded(source, 'the revocation list', () => {
    const [tbs, algorithm] = children(expectTag(readSingle(der), TAG.SEQUENCE, 'a CRL'));
    const parts = children(expectTag(tbs, TAG.SEQUENCE, 'the CRL body'));
    const fields = parts[0]?.tag === TAG.INTEGER ? parts.slice(1) : parts;
    const [, issuer, thisUpdate, maybeNext, ...rest] = fields;
    const nextUpdate = isTime(maybeNext?.tag) ? maybeNext : undefined;
    const revoked = (nextUpdate ? rest : [maybeNext, ...rest]).find((field) => field?.tag === TAG.SEQUENCE);
    return {
      issuer: formatName(expectTag(issuer, TAG.SEQUENCE, 'an issuer')),
      thisUpdate: parseTime(thisUpdate).toISOString(),
      nextUpdate: nextUpdate ? parseTime(nextUpdate).toISOString() : null,
      revokedSerialNumbers: revoked ? children(revoked).map((entry) => serialHex(children(entry)[0]!)) : [],
      signatureAlgorithm: signatureAlgorithmName(raw(expectTag(algorithm, TAG.SEQUENCE, 'a signature algorithm'))),
      source,
    };
  });
}
