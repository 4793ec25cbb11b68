import type { CertificateInfo } from '../../common/dto/inspect';
import { describeBundle, type CertificateItem } from '../pki';
import { sha256Hex } from './authorities';
import type { IdentityRecord } from './schema';
import { keyAlgorithmLabel } from './summaries';

/** The summary of `leafDer` as described among `certificates` (which must include it). */
export function describeLeaf(certificates: CertificateItem[], leafDer: Uint8Array, now: Date): CertificateInfo {
  const report = describeBundle({ files: [], certificates, privateKeys: [], crls: [], csrs: [] }, now);
  const leafSha = sha256Hex(leafDer);
  return report.certificates.find((certificate) => certificate.sha256 === leafSha)!;
}

export interface IdentityRecordInput {
  id: string;
  name: string;
  createdAt: Date;
  source: string[];
  leaf: CertificateInfo;
  /** parent first */
  chain: Uint8Array[];
  authority?: IdentityRecord['authority'];
  issuedBy?: IdentityRecord['issuedBy'];
}

/** The vault.json entry of a new identity (imported, issued by the local CA, or a completed request). */
export function identityRecord(input: IdentityRecordInput): IdentityRecord {
  const { leaf } = input;
  return {
    id: input.id,
    name: input.name,
    createdAt: input.createdAt.toISOString(),
    source: input.source,
    labels: [],
    hosts: [],
    certificate: {
      sha256: leaf.sha256,
      subject: leaf.subject,
      issuer: leaf.issuer,
      subjectCommonName: leaf.commonName,
      issuerCommonName: leaf.issuerCommonName,
      notBefore: leaf.notBefore,
      notAfter: leaf.notAfter,
    },
    chain: input.chain.map(sha256Hex),
    keyAlgorithm: keyAlgorithmLabel(leaf.publicKey),
    ...(input.authority ? { authority: input.authority } : {}),
    ...(input.issuedBy ? { issuedBy: input.issuedBy } : {}),
  };
}
