import { StudioError } from '../../common/errors';
import type { Bundle, CertificateItem, PrivateKeyItem } from './model';
import { buildGraph, issuersOf, type CertificateGraph } from './chains';
import type { ParsedCertificate } from './certificate';
import { certificatesForKey, uniqueKeys } from './describe';

/** A private key, its certificate, and that certificate's issuers from the input (parent first, root last). */
export interface Identity {
  key: PrivateKeyItem;
  leaf: CertificateItem;
  chain: CertificateItem[];
}

interface Pair {
  key: PrivateKeyItem;
  cert: ParsedCertificate;
}

const item = (graph: CertificateGraph, cert: ParsedCertificate): CertificateItem => graph.occurrences.get(cert.sha256)![0]!;
const label = (cert: ParsedCertificate) => cert.commonName ?? cert.subject;

function identity(graph: CertificateGraph, pair: Pair): Identity {
  return { key: pair.key, leaf: item(graph, pair.cert), chain: issuersOf(graph, pair.cert).map((cert) => item(graph, cert)) };
}

function noPair(bundle: Bundle, keys: PrivateKeyItem[]): StudioError {
  if (keys.length === 0) {
    return new StudioError('NO_PRIVATE_KEY', 'the input has no private key', {
      hint: 'Add the key file that belongs to the certificate (often .key), or a .p12/.pfx that contains it.',
    });
  }
  if (bundle.certificates.length === 0) {
    return new StudioError('NO_CERTIFICATE', 'the input has a private key but no certificate', {
      hint: 'Add the certificate issued for this key (.crt/.cer/.pem).',
    });
  }
  return new StudioError('KEY_MISMATCH', 'the private key does not match any of the certificates', {
    hint: 'Use the key the certificate was issued for: compare with `openssl x509 -noout -pubkey` and `openssl pkey -pubout`.',
  });
}

/**
 * Picks the key + certificate to export. With several pairs and no `select` (sha256 of a certificate),
 * AMBIGUOUS_SELECTION lists them so the user can choose.
 */
export function selectIdentity(bundle: Bundle, select?: string): Identity {
  const graph = buildGraph(bundle.certificates);
  const keys = uniqueKeys(bundle.privateKeys);
  const pairs: Pair[] = keys.flatMap((key) => certificatesForKey(graph, key).map((cert) => ({ key, cert })));

  if (select !== undefined) {
    const wanted = select.toLowerCase();
    const cert = graph.bySha.get(wanted);
    if (!cert) {
      throw new StudioError('NO_CERTIFICATE', `no certificate with SHA-256 ${wanted} in the input`, {
        hint: 'Run inspect to list the certificates and their SHA-256 fingerprints.',
        params: { sha256: wanted },
      });
    }
    const pair = pairs.find((candidate) => candidate.cert === cert);
    if (!pair) {
      if (keys.length === 0) throw noPair(bundle, keys);
      throw new StudioError('KEY_MISMATCH', `no private key in the input matches '${label(cert)}'`, {
        hint: 'Add the key this certificate was issued for.',
        params: { sha256: wanted },
      });
    }
    return identity(graph, pair);
  }

  if (pairs.length === 0) throw noPair(bundle, keys);
  if (pairs.length > 1) {
    const list = pairs.map((pair) => `${pair.cert.sha256} ${label(pair.cert)}`).join('; ');
    throw new StudioError('AMBIGUOUS_SELECTION', `the input holds ${pairs.length} key + certificate pairs: ${list}`, {
      hint: 'Choose one with --select SHA256 (the fingerprint of its certificate).',
      params: { count: pairs.length },
    });
  }
  return identity(graph, pairs[0]!);
}

/**
 * For certificate-only exports: the chosen certificate (by sha256) or, without a choice, the leaf of the only
 * chain; its issuers follow. AMBIGUOUS_SELECTION when the input has several unrelated chains.
 */
export function selectCertificateChain(bundle: Bundle, select?: string): CertificateItem[] {
  const graph = buildGraph(bundle.certificates);
  if (graph.unique.length === 0) {
    throw new StudioError('NO_CERTIFICATE', 'the input has no certificate', { hint: 'Add a certificate file (.crt/.cer/.pem/.p7b).' });
  }
  let leaf: ParsedCertificate | undefined;
  if (select !== undefined) {
    leaf = graph.bySha.get(select.toLowerCase());
    if (!leaf) {
      throw new StudioError('NO_CERTIFICATE', `no certificate with SHA-256 ${select.toLowerCase()} in the input`, {
        hint: 'Run inspect to list the certificates and their SHA-256 fingerprints.',
      });
    }
  } else if (graph.chains.length === 1) {
    leaf = graph.chains[0]![0];
  } else {
    const list = graph.chains.map((path) => `${path[0]!.sha256} ${label(path[0]!)}`).join('; ');
    throw new StudioError('AMBIGUOUS_SELECTION', `the input holds ${graph.chains.length} separate certificates or chains: ${list}`, {
      hint: 'Choose one with --select SHA256 (the fingerprint of its certificate).',
      params: { count: graph.chains.length },
    });
  }
  return [leaf!, ...issuersOf(graph, leaf!)].map((cert) => item(graph, cert));
}

/** Every certificate, chain-ordered (each chain leaf → root, then the rest), duplicates removed. */
export function orderedCertificates(bundle: Bundle): CertificateItem[] {
  const graph = buildGraph(bundle.certificates);
  return graph.ordered.map((cert) => item(graph, cert));
}
