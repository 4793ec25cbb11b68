import type { InspectReport, PrivateKeyInfo } from '../../common/dto/inspect';
import type { Bundle, PrivateKeyItem } from './model';
import { certificateInfo } from './certificate-info';
import { buildGraph, type CertificateGraph } from './chains';
import { describeCrl } from './crl';
import { describeCsr } from './csr';
import { bytesEqual } from './der';
import { certificateFindings, keyWithoutCertificate } from './findings';
import { describePrivateKey, describePublicKey } from './keys';
import type { ParsedCertificate } from './certificate';

/** Distinct keys (the same key read from two files is listed once), in input order. */
export function uniqueKeys(keys: PrivateKeyItem[]): PrivateKeyItem[] {
  return keys.filter((key, i) => keys.findIndex((other) => bytesEqual(other.pkcs8, key.pkcs8)) === i);
}

/** The certificates whose public key is this key's, leaves first. */
export function certificatesForKey(graph: CertificateGraph, key: PrivateKeyItem): ParsedCertificate[] {
  const { spki } = describePrivateKey(key.pkcs8, key.source);
  return graph.ordered.filter((cert) => {
    const certSpki = describePublicKey(cert.spki).spki;
    return certSpki !== null && bytesEqual(certSpki, spki);
  });
}

/** Everything `inspect` shows about a bundle; `now` decides validity findings. Throws only StudioErrors. */
export function describeBundle(bundle: Bundle, now: Date): InspectReport {
  const graph = buildGraph(bundle.certificates);
  const findings = certificateFindings(graph, bundle.files, now);
  const privateKeys: PrivateKeyInfo[] = uniqueKeys(bundle.privateKeys).map((key) => {
    const { spki: _spki, ...details } = describePrivateKey(key.pkcs8, key.source);
    const match = certificatesForKey(graph, key)[0];
    if (!match) findings.push(keyWithoutCertificate(key.source, details.algorithm));
    return {
      ...details,
      certificateSha256: match?.sha256 ?? null,
      friendlyName: key.friendlyName ?? null,
      source: key.source,
      wasEncrypted: key.wasEncrypted,
    };
  });
  return {
    files: bundle.files.map((file) => ({ path: file.path, format: file.format })),
    certificates: graph.ordered.map((cert) => certificateInfo(cert, graph.occurrences.get(cert.sha256)!)),
    privateKeys,
    findings,
    chains: graph.chains.map((path) => ({ path: path.map((cert) => cert.sha256), complete: path[path.length - 1]!.selfSigned })),
    csrs: bundle.csrs.map((csr) => describeCsr(csr.der, csr.source)),
    crls: bundle.crls.map((crl) => describeCrl(crl.der, crl.source)),
  };
}
