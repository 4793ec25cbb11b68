import type { ChainFinding, ChainPurpose } from '../../common/dto/chain';
import type { ParsedCertificate } from '../pki/certificate';
import { finding, who } from './finding';
import { hasExtension } from './extension-list';

const EKU_NAME: Record<Exclude<ChainPurpose, 'any'>, string> = { client: 'clientAuth', server: 'serverAuth' };
/** keyUsage bits OpenSSL accepts for a TLS client / server leaf (when keyUsage is present at all). */
const LEAF_KEY_USAGE: Record<Exclude<ChainPurpose, 'any'>, string[]> = {
  client: ['digitalSignature', 'keyAgreement'],
  server: ['digitalSignature', 'keyEncipherment', 'keyAgreement'],
};

/** extendedKeyUsage (leaf and CAs, as OpenSSL checks them) and the leaf's keyUsage for the purpose. */
export function purposeFindings(cert: ParsedCertificate, isLeaf: boolean, purpose: ChainPurpose): ChainFinding[] {
  if (purpose === 'any') return [];
  const wanted = EKU_NAME[purpose];
  const findings: ChainFinding[] = [];
  const eku = cert.extensions.extendedKeyUsage;
  if (eku !== null && !eku.includes(wanted) && !eku.includes('anyExtendedKeyUsage')) {
    findings.push(
      finding(
        'WRONG_PURPOSE',
        'error',
        cert,
        `${who(cert)} may not be used for TLS ${purpose} authentication: its extendedKeyUsage is ${eku.join(', ') || 'empty'}, without ${wanted}`,
        isLeaf
          ? `Ask the issuer for a certificate with extendedKeyUsage ${wanted} (or without extendedKeyUsage).`
          : `This CA restricts what it may issue for; ask for a chain through a CA that allows ${wanted}.`,
        { purpose, usages: eku.join(', ') },
      ),
    );
  }
  if (isLeaf && hasExtension(cert, '2.5.29.15')) {
    const allowed = LEAF_KEY_USAGE[purpose];
    if (!cert.extensions.keyUsage.some((usage) => allowed.includes(usage))) {
      findings.push(
        finding(
          'WRONG_PURPOSE',
          'error',
          cert,
          `${who(cert)} may not be used for TLS ${purpose} authentication: its keyUsage (${cert.extensions.keyUsage.join(', ') || 'none'}) has none of ${allowed.join(', ')}`,
          'Ask the issuer for a certificate whose keyUsage includes digitalSignature.',
          { purpose, usages: cert.extensions.keyUsage.join(', ') },
        ),
      );
    }
  }
  return findings;
}
