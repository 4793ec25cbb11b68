import { basename } from 'node:path';
import { isStudioError, StudioError } from '../../../common/errors';
import type { ProbeIdentitySource } from '../../../common/dto/probe';
import { readInputFile } from '../../io/input-files';
import { encodePem, readFiles, selectIdentity } from '../../pki';
import { buildGraph, issuersOf } from '../../pki/chains';
import { parseCertificate, type ParsedCertificate } from '../../pki/certificate';
import type { Bundle } from '../../pki/model';

/**
 * The client identity for one probe: the certificate chain to send and the key, in memory only. When the key
 * does not match the certificate the probe still runs (without a certificate) so the server's side is seen,
 * and pre-flight reports CLIENT_KEY_MISMATCH.
 */

export interface LoadedIdentity {
  /** file names or vault name, for reports */
  source: string;
  leaf: ParsedCertificate;
  /** issuers from the input, parent first */
  chain: ParsedCertificate[];
  keyMatches: boolean;
  /** PEM for tls.connect: leaf then chain, and the PKCS#8 key; null when the key does not match */
  tls: { cert: string; key: string } | null;
}

/** Supplies a stored identity's material (implemented by the vault when it exists). */
export interface VaultIdentityProvider {
  materialFor(nameOrId: string): Promise<{ name: string; keyPkcs8: Uint8Array; certificates: Uint8Array[] }>;
}

function firstEndEntity(bundle: Bundle): ParsedCertificate {
  const graph = buildGraph(bundle.certificates);
  const leaf = graph.chains[0]?.[0];
  if (!leaf) throw new StudioError('NO_CERTIFICATE', 'the identity input has no certificate', { hint: 'Give the client certificate with --cert (or a .p12 with --p12).' });
  return leaf;
}

export function identityFromBundle(bundle: Bundle, source: string): LoadedIdentity {
  try {
    const picked = selectIdentity(bundle);
    const leaf = parseCertificate(picked.leaf.der, picked.leaf.source);
    const chain = picked.chain.map((item) => parseCertificate(item.der, item.source));
    const certPem = [leaf, ...chain].map((cert) => encodePem('CERTIFICATE', cert.der)).join('');
    return { source, leaf, chain, keyMatches: true, tls: { cert: certPem, key: encodePem('PRIVATE KEY', picked.key.pkcs8) } };
  } catch (error) {
    if (!isStudioError(error) || error.code !== 'KEY_MISMATCH' || bundle.certificates.length === 0) throw error;
    const graph = buildGraph(bundle.certificates);
    const leaf = firstEndEntity(bundle);
    return { source, leaf, chain: issuersOf(graph, leaf), keyMatches: false, tls: null };
  }
}

function vaultBundle(material: { name: string; keyPkcs8: Uint8Array; certificates: Uint8Array[] }): Bundle {
  return {
    files: [],
    certificates: material.certificates.map((der) => ({ der, source: material.name })),
    privateKeys: [{ pkcs8: material.keyPkcs8, source: material.name, wasEncrypted: false }],
    crls: [],
    csrs: [],
  };
}

export async function loadIdentity(source: ProbeIdentitySource, vault: VaultIdentityProvider | null): Promise<LoadedIdentity> {
  if (source.kind === 'vault') {
    if (!vault) {
      throw new StudioError('NOT_FOUND', 'there is no identity vault to take the identity from', {
        hint: 'Give the certificate and key as files (--cert/--key or --p12).',
      });
    }
    const material = await vault.materialFor(source.name);
    try {
      return identityFromBundle(vaultBundle(material), `vault: ${material.name}`);
    } finally {
      material.keyPkcs8.fill(0); // the PEM handed to TLS is the only copy kept
    }
  }
  if (source.kind === 'pkcs12') {
    const input = await readInputFile(source.path);
    const bundle = readFiles([input], source.password === undefined ? {} : { password: source.password });
    return identityFromBundle(bundle, basename(source.path));
  }
  const paths = source.certPath === source.keyPath ? [source.certPath] : [source.certPath, source.keyPath];
  const inputs = await Promise.all(paths.map(readInputFile));
  const bundle = readFiles(inputs, source.keyPassword === undefined ? {} : { password: source.keyPassword });
  if (bundle.privateKeys.length === 0) {
    throw new StudioError('NO_PRIVATE_KEY', `no private key in '${basename(source.keyPath)}'`, {
      hint: 'Give the key file that belongs to the certificate with --key.',
      params: { file: basename(source.keyPath) },
    });
  }
  return identityFromBundle(bundle, paths.map((path) => basename(path)).join(' + '));
}
