import { StudioError } from '../../../common/errors';
import type {
  ClientVerdict,
  TrustStoreFinding,
  TrustStoreReport,
  TrustStoreTarget,
} from '../../../common/dto/truststore';
import { readContent, type CertificateItem, type ReadOptions } from '../../pki';
import { parsePem, PemError } from '../../pki/pem';
import { verifyChain } from '../index';
import { certificateRules } from './cert-rules';
import {
  describeStoreCert,
  displayName,
  isCa,
  keyLabel,
  levelsOf,
  storeCert,
  weakHash,
  type StoreCert,
} from './store-cert';
import { limitsOf, TARGET_RULES } from './targets';
import { lintBundleText } from './text-rules';

/** Chain findings whose `chain verify` hints name CLI flags: in a trust store the fix is the bundle's content. */
const TRUSTSTORE_HINTS: Partial<Record<string, (params: Record<string, string | number>) => string>> = {
  PATH_NOT_FOUND: (params) =>
    `Add the CA certificate of "${params.issuer ?? 'the issuer'}" to the bundle (an intermediate may also be sent by the client, but API Gateway needs it in the bundle).`,
  UNTRUSTED_ROOT: () => 'Add this root CA to the bundle if the gateway should accept the clients it issued.',
};

/** A client certificate to test: the leaf first or anywhere (the first non-CA certificate is the leaf), chain optional. */
export interface ClientInput {
  source: string;
  certificates: CertificateItem[];
}

/** Reads a bundle file's certificates: PEM CERTIFICATE blocks from text; any format pki reads from binary. */
function bundleCertificates(bytes: Uint8Array, name: string, isPem: boolean, read: ReadOptions): StoreCert[] {
  if (!isPem) return readContent(bytes, name, read).certificates.map((item) => storeCert(item.der, name));
  try {
    return parsePem(Buffer.from(bytes).toString('utf8'))
      .filter((block) => block.label === 'CERTIFICATE')
      .map((block) => storeCert(block.der, name));
  } catch (error) {
    if (!(error instanceof PemError)) throw error;
    throw new StudioError('CORRUPT_INPUT', `cannot read '${name}': ${error.message}`, {
      hint: 'Repair the broken block, or rebuild the bundle from the CA files with `mtls-studio truststore build`.',
      params: { file: name },
      cause: error,
    });
  }
}

/**
 * Every rule of the target applied to a bundle file as it is (nothing is repaired here). `read.password` opens a
 * bundle given as encrypted PKCS#12 (which the text rules then report as not PEM).
 */
export function checkBundleBytes(
  bytes: Uint8Array,
  name: string,
  target: TrustStoreTarget,
  now: Date,
  read: ReadOptions = {},
): { report: TrustStoreReport; certs: StoreCert[] } {
  const lint = lintBundleText(bytes, target);
  const certs = bytes.length === 0 ? [] : bundleCertificates(bytes, name, lint.isPem, read);
  const findings = [...lint.findings, ...certificateRules(certs, target, bytes.length, now)];
  const levels = levelsOf(certs);
  return {
    certs,
    report: {
      target,
      passes: !findings.some((finding) => finding.severity === 'error'),
      certificates: certs.map((cert) => describeStoreCert(cert, levels.get(cert) ?? null)),
      findings,
      bundleBytes: bytes.length,
      limits: limitsOf(target),
    },
  };
}

/**
 * Would the target, holding these CA certificates, accept this client? The bundle's self-signed roots are the
 * anchors and its other CAs the intermediates it completes chains with (as `openssl verify -CAfile bundle` does),
 * plus whatever chain the client file carries (what a client sends). Then the target's own limits: chain depth,
 * and for API Gateway the algorithms of the client certificate itself.
 */
export async function clientVerdict(
  client: ClientInput,
  bundle: StoreCert[],
  target: TrustStoreTarget,
  now: Date,
): Promise<ClientVerdict> {
  const rules = TARGET_RULES[target];
  const certs = client.certificates.map((item) => storeCert(item.der, client.source));
  const leaf = certs.find((cert) => !isCa(cert)) ?? certs[0];
  if (leaf === undefined) {
    return {
      source: client.source,
      subject: null,
      certificateSha256: null,
      accepted: false,
      path: [],
      findings: [
        {
          code: 'TRUSTSTORE_CLIENT_NO_CERTIFICATE',
          severity: 'error',
          message: `${client.source} holds no certificate to test`,
          hint: 'Give the client certificate file (PEM, DER, PKCS#7 or PKCS#12).',
        },
      ],
    };
  }
  const roots = bundle.filter((cert) => cert.parsed.selfSigned);
  const untrusted = [
    ...bundle.filter((cert) => !cert.parsed.selfSigned),
    ...certs.filter((cert) => cert !== leaf),
  ];
  const result = await verifyChain({
    leaf: { der: leaf.parsed.der, source: client.source },
    untrusted: untrusted.map((cert) => ({ der: cert.parsed.der, source: cert.source })),
    anchors: roots.map((cert) => ({ der: cert.parsed.der, source: cert.source })),
    at: now,
    purpose: 'client',
  });
  const findings: TrustStoreFinding[] = result.findings.map((finding) => ({
    ...finding,
    hint: TRUSTSTORE_HINTS[finding.code]?.(finding.params ?? {}) ?? finding.hint,
  }));
  const maxDepth = rules.limits.maxDepth;
  if (maxDepth !== null && result.path.length > maxDepth) {
    findings.push({
      code: 'TRUSTSTORE_CLIENT_CHAIN_TOO_DEEP',
      severity: 'error',
      message: `the chain of '${displayName(leaf)}' has ${result.path.length} certificates, over ${rules.name}'s depth limit of ${maxDepth}`,
      hint: 'Issue the client certificate from a CA closer to the root.',
      certificateSha256: leaf.parsed.sha256,
      params: { depth: result.path.length, limit: maxDepth },
    });
  }
  const weak = weakHash(leaf);
  const weakKey = leaf.key.algorithm === 'RSA' && leaf.key.bits !== null && leaf.key.bits < 2048;
  if (rules.rejectsWeakClient && (weak !== null || weakKey)) {
    findings.push({
      code: 'TRUSTSTORE_CLIENT_WEAK_ALGORITHM',
      severity: 'error',
      message: `'${displayName(leaf)}' ${weak !== null ? `is signed with ${weak.toUpperCase()}` : `has an ${keyLabel(leaf.key)} key`}: ${rules.name} answers 403 for weak-algorithm certificates`,
      hint: 'Reissue the client certificate with SHA-256 and an RSA 2048+ or ECDSA P-256+ key.',
      certificateSha256: leaf.parsed.sha256,
      params: { name: displayName(leaf) },
    });
  }
  const accepted = result.valid && !findings.some((finding) => finding.severity === 'error');
  if (accepted) {
    findings.unshift({
      code: 'TRUSTSTORE_CLIENT_ACCEPTED',
      severity: 'info',
      message: `'${displayName(leaf)}' would be accepted: its chain of ${result.path.length} reaches '${displayName(bundle.find((cert) => cert.parsed.sha256 === result.path.at(-1)) ?? leaf)}' in the bundle`,
      hint: 'Nothing to do.',
      certificateSha256: leaf.parsed.sha256,
      params: { name: displayName(leaf), depth: result.path.length },
    });
  }
  return {
    source: client.source,
    subject: leaf.parsed.subject,
    certificateSha256: leaf.parsed.sha256,
    accepted,
    path: result.path,
    findings,
  };
}
