import type { ChainFinding, ChainFindingCode } from '../../common/dto/chain';
import type { ParsedCertificate } from '../pki/certificate';

/** How findings name a certificate: its CN, or the whole subject when it has none. */
export const nameOf = (cert: ParsedCertificate): string => cert.commonName ?? cert.subject;
export const who = (cert: ParsedCertificate): string => `'${nameOf(cert)}'`;
export const day = (date: Date): string => date.toISOString().replace('.000Z', 'Z');

export function finding(
  code: ChainFindingCode,
  severity: ChainFinding['severity'],
  cert: ParsedCertificate | null,
  message: string,
  hint: string,
  params: Record<string, string | number> = {},
): ChainFinding {
  return {
    code,
    severity,
    message,
    hint,
    ...(cert ? { certificateSha256: cert.sha256 } : {}),
    params: { ...(cert ? { name: nameOf(cert) } : {}), ...params },
  };
}

export const isError = (item: ChainFinding): boolean => item.severity === 'error';
