import type { TrustStoreFinding, TrustStoreReport, TrustStoreTarget } from '../../../common/dto/truststore';
import type { CertificateItem } from '../../pki';
import { certificateRules } from './cert-rules';
import {
  describeStoreCert,
  displayName,
  isCa,
  levelsOf,
  storeCert,
  treeOrder,
  type StoreCert,
} from './store-cert';
import { limitsOf, TARGET_RULES } from './targets';
import { lintBundleText } from './text-rules';

/** What the CA files given to `build` held, besides the certificates. */
export interface BuildInputs {
  certificates: CertificateItem[];
  crlCount: number;
  privateKeyCount: number;
}

export interface BuiltBundle {
  report: TrustStoreReport;
  /** the bundle file's text: PEM blocks only, LF line ends, no blank lines, no comments */
  text: string;
}

/**
 * Builds a bundle from CA certificates: drops end-entity certificates and duplicates (each with a finding), puts
 * roots first with each followed by the CAs it issued (parents before children: every target accepts any order,
 * and this one reads as the hierarchy), writes normalized PEM, then checks the result against the target's rules.
 */
export function buildBundle(inputs: BuildInputs, target: TrustStoreTarget, now: Date): BuiltBundle {
  const notes: TrustStoreFinding[] = [];
  const kept: StoreCert[] = [];
  const seen = new Set<string>();
  for (const item of inputs.certificates) {
    const cert = storeCert(item.der, item.source);
    if (seen.has(cert.parsed.sha256)) {
      notes.push({
        code: 'TRUSTSTORE_DUPLICATE',
        severity: 'info',
        message: `'${displayName(cert)}' was given more than once; it is written once`,
        hint: 'Nothing to do.',
        certificateSha256: cert.parsed.sha256,
        params: { name: displayName(cert) },
      });
      continue;
    }
    seen.add(cert.parsed.sha256);
    if (!isCa(cert)) {
      notes.push({
        code: 'TRUSTSTORE_NOT_A_CA',
        severity: 'warning',
        message: `'${displayName(cert)}' from ${item.source} is not a CA certificate; it was left out of the bundle`,
        hint: 'Client and server certificates do not belong in a trust store; give the CA files that issued them.',
        certificateSha256: cert.parsed.sha256,
        params: { name: displayName(cert), file: item.source },
      });
      continue;
    }
    kept.push(cert);
  }
  if (inputs.privateKeyCount > 0) {
    notes.push({
      code: 'TRUSTSTORE_NON_CERTIFICATE_BLOCK',
      severity: 'info',
      message: `the inputs hold ${inputs.privateKeyCount} private key${inputs.privateKeyCount > 1 ? 's' : ''}; keys are never written to a trust store`,
      hint: 'Nothing to do; keep the key files private.',
      params: { label: 'PRIVATE KEY' },
    });
  }
  notes.push(...crlNotes(inputs.crlCount, target));
  const ordered = treeOrder(kept);
  const text = ordered.map((cert) => cert.pem).join('');
  const bytes = Buffer.byteLength(text);
  const findings = [
    ...notes,
    ...lintBundleText(Buffer.from(text), target).findings,
    ...certificateRules(ordered, target, bytes, now),
  ];
  const levels = levelsOf(ordered);
  return {
    text,
    report: {
      target,
      passes: !findings.some((finding) => finding.severity === 'error'),
      certificates: ordered.map((cert) => describeStoreCert(cert, levels.get(cert) ?? null)),
      findings,
      bundleBytes: bytes,
      limits: limitsOf(target),
    },
  };
}

function crlNotes(count: number, target: TrustStoreTarget): TrustStoreFinding[] {
  if (count === 0) return [];
  const rules = TARGET_RULES[target];
  const params = { count };
  if (rules.crls === 'separate') {
    const limit = rules.limits.maxCrls ?? Infinity;
    const notes: TrustStoreFinding[] = [
      {
        code: 'TRUSTSTORE_CRL_SEPARATE',
        severity: 'info',
        message: `${count} CRL${count > 1 ? 's were' : ' was'} given: ALB takes revocation lists separately from the CA bundle, so they are not written into it`,
        hint: 'Upload each CRL to S3 and add it with `aws elbv2 add-trust-store-revocations --trust-store-arn … --revocation-contents S3Bucket=…,S3Key=…`.',
        params,
      },
    ];
    if (count > limit) {
      notes.push({
        code: 'TRUSTSTORE_TOO_MANY_CRLS',
        severity: 'error',
        message: `${count} CRLs, over ALB's limit of ${limit} revocation lists per trust store`,
        hint: 'Keep one current CRL per issuing CA.',
        params: { count, limit },
      });
    }
    return notes;
  }
  return [
    {
      code: 'TRUSTSTORE_REVOCATION_UNSUPPORTED',
      severity: 'warning',
      message:
        rules.crls === 'unsupported'
          ? `${count} CRL${count > 1 ? 's were' : ' was'} given, but ${rules.name} does not check revocation: revoked client certificates are still accepted`
          : `${count} CRL${count > 1 ? 's were' : ' was'} given; ${rules.name} likely does not take revocation lists with the CA bundle, so they are not written into it`,
      hint:
        rules.crls === 'unsupported'
          ? 'Remove revoked clients’ CA from the bundle, or reject revoked serial numbers in the backend.'
          : 'Enforce revocation in the backend, or re-check the vendor console for a revocation option.',
      params,
    },
  ];
}
