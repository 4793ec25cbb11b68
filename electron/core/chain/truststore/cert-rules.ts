import type { TrustStoreFinding, TrustStoreTarget } from '../../../common/dto/truststore';
import { displayName, isCa, keyLabel, levelsOf, weakHash, type StoreCert } from './store-cert';
import { TARGET_RULES } from './targets';

/**
 * The rules on the certificates of a bundle (after its text was read): count, sizes, depth, missing issuers, key
 * and signature strength, validity, CA-ness and duplicates. Pure: the caller passes the time and the bundle size.
 */

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function certFinding(
  cert: StoreCert,
  finding: Omit<TrustStoreFinding, 'certificateSha256'>,
): TrustStoreFinding {
  return {
    ...finding,
    certificateSha256: cert.parsed.sha256,
    params: { name: displayName(cert), ...finding.params },
  };
}

/** Checks each certificate on its own: CA-ness, size, strength, key type, validity. */
function perCertificate(cert: StoreCert, target: TrustStoreTarget, now: Date): TrustStoreFinding[] {
  const rules = TARGET_RULES[target];
  const name = displayName(cert);
  const findings: TrustStoreFinding[] = [];
  if (!isCa(cert)) {
    findings.push(
      certFinding(cert, {
        code: 'TRUSTSTORE_NOT_A_CA',
        severity: 'error',
        message: `'${name}' is not a CA certificate (no basicConstraints cA=true): a client or server certificate does not belong in a trust store`,
        hint: 'Remove it; put the CA that issued it (and that CA’s issuers) in the bundle instead.',
      }),
    );
  }
  const pemBytes = Buffer.byteLength(cert.pem);
  const maxCert = rules.limits.maxCertificateBytes;
  if (maxCert !== null && pemBytes > maxCert) {
    findings.push(
      certFinding(cert, {
        code: 'TRUSTSTORE_CERT_TOO_LARGE',
        severity: 'error',
        message: `'${name}' is ${kb(pemBytes)} as PEM, over the ${kb(maxCert)} per-certificate limit`,
        hint: 'Use a CA certificate without oversized extensions, or another CA in the hierarchy.',
        params: { size: kb(pemBytes), limit: kb(maxCert) },
      }),
    );
  }
  const strength = rules.strength;
  const likely = strength?.severity === 'error' ? '' : 'likely ';
  const hash = weakHash(cert);
  if (strength?.weakSignature && hash !== null) {
    findings.push(
      certFinding(cert, {
        code: 'TRUSTSTORE_WEAK_SIGNATURE',
        severity: strength.severity,
        message: `'${name}' is signed with ${hash.toUpperCase()}: ${likely}refused (SHA-256 or stronger required)`,
        hint: 'Reissue the CA certificate with SHA-256 (e.g. openssl x509 -sha256 …, default_md = sha256 in the CA config).',
        params: { hash: hash.toUpperCase() },
      }),
    );
  }
  const { algorithm, bits, curve } = cert.key;
  const weakKey =
    (algorithm === 'RSA' && bits !== null && strength !== null && bits < strength.minRsaBits) ||
    (algorithm === 'EC' && bits !== null && strength !== null && bits < strength.minEcBits);
  if (strength !== null && weakKey) {
    findings.push(
      certFinding(cert, {
        code: 'TRUSTSTORE_WEAK_KEY',
        severity: strength.severity,
        message: `'${name}' has an ${keyLabel(cert.key)} key: ${likely}refused (RSA 2048 or ECDSA P-256 at least)`,
        hint: 'Create a new CA key (RSA 2048+ or ECDSA P-256+) and reissue the CA and the client certificates under it.',
        params: { key: keyLabel(cert.key) },
      }),
    );
  }
  const allowed = rules.allowedKeys;
  if (allowed !== null && !weakKey) {
    const ok =
      (algorithm === 'RSA' && bits !== null && allowed.rsa.includes(bits)) ||
      (algorithm === 'EC' && curve !== null && allowed.ec.includes(curve));
    if (!ok) {
      findings.push(
        certFinding(cert, {
          code: 'TRUSTSTORE_UNSUPPORTED_KEY',
          severity: 'error',
          message: `'${name}' has an ${keyLabel(cert.key)} key; ${rules.name} takes RSA ${allowed.rsa.join('/')} or ECDSA ${allowed.ec.join('/')} only`,
          hint: `Use a CA whose key is RSA ${allowed.rsa.join('/')} or ECDSA ${allowed.ec.join('/')}.`,
          params: { key: keyLabel(cert.key) },
        }),
      );
    }
  }
  if (cert.parsed.notAfter.getTime() < now.getTime()) {
    findings.push(
      certFinding(cert, {
        code: 'TRUSTSTORE_CA_EXPIRED',
        severity: 'warning',
        message: `'${name}' expired on ${cert.parsed.notAfter.toISOString()}: client certificates under it will be refused`,
        hint: 'Renew the CA certificate (same key keeps issued certificates valid) and rebuild the bundle.',
        params: { date: cert.parsed.notAfter.toISOString() },
      }),
    );
  } else if (cert.parsed.notBefore.getTime() > now.getTime()) {
    findings.push(
      certFinding(cert, {
        code: 'TRUSTSTORE_CA_NOT_YET_VALID',
        severity: 'warning',
        message: `'${name}' is valid only from ${cert.parsed.notBefore.toISOString()}`,
        hint: 'Check the clock of the machine that issued it; wait, or reissue it with a start date in the past.',
        params: { date: cert.parsed.notBefore.toISOString() },
      }),
    );
  }
  return findings;
}

/** Checks on the set: emptiness, duplicates, count, total size, depth, missing issuers, one-CA targets. */
export function certificateRules(
  certs: StoreCert[],
  target: TrustStoreTarget,
  bundleBytes: number,
  now: Date,
): TrustStoreFinding[] {
  const rules = TARGET_RULES[target];
  const findings: TrustStoreFinding[] = [];
  if (certs.length === 0) {
    return [
      {
        code: 'TRUSTSTORE_EMPTY',
        severity: 'error',
        message: 'the bundle holds no certificate',
        hint: 'Add the root CA (and any intermediate CAs) that issue your client certificates.',
      },
    ];
  }
  const seen = new Set<string>();
  const unique: StoreCert[] = [];
  for (const cert of certs) {
    if (seen.has(cert.parsed.sha256)) {
      findings.push(
        certFinding(cert, {
          code: 'TRUSTSTORE_DUPLICATE',
          severity: 'warning',
          message: `'${displayName(cert)}' appears more than once`,
          hint: 'Keep one copy (mtls-studio truststore build removes duplicates).',
        }),
      );
    } else {
      seen.add(cert.parsed.sha256);
      unique.push(cert);
    }
  }
  for (const cert of unique) findings.push(...perCertificate(cert, target, now));
  const { maxCertificates, maxBundleBytes, maxDepth } = rules.limits;
  if (rules.singleCa && unique.length > 1) {
    findings.push({
      code: 'TRUSTSTORE_SINGLE_CA_EXPECTED',
      severity: 'warning',
      message: `${unique.length} certificates: ${rules.name} takes one client-CA certificate per upload; a multi-certificate file is likely refused or only its first certificate used`,
      hint: 'Upload the CA that issues the client certificates on its own; for several CAs, check the console’s current behaviour first.',
      params: { count: unique.length },
    });
  } else if (maxCertificates !== null && unique.length > maxCertificates) {
    findings.push({
      code: 'TRUSTSTORE_TOO_MANY_CERTS',
      severity: 'error',
      message: `${unique.length} certificates, over the limit of ${maxCertificates} for ${rules.name}`,
      hint: 'Keep only the CAs that issue client certificates for this endpoint (roots and the intermediates under them).',
      params: { count: unique.length, limit: maxCertificates },
    });
  }
  if (maxBundleBytes !== null && bundleBytes > maxBundleBytes) {
    findings.push({
      code: 'TRUSTSTORE_TOO_LARGE',
      severity: 'error',
      message: `the bundle is ${kb(bundleBytes)}, over the ${kb(maxBundleBytes)} limit of ${rules.name}`,
      hint: 'Remove CAs that do not issue client certificates for this endpoint.',
      params: { size: kb(bundleBytes), limit: kb(maxBundleBytes) },
    });
  }
  const levels = levelsOf(unique);
  for (const cert of unique) {
    const level = levels.get(cert) ?? null;
    if (maxDepth !== null && level !== null && isCa(cert) && level + 1 > maxDepth) {
      findings.push(
        certFinding(cert, {
          code: 'TRUSTSTORE_CHAIN_TOO_DEEP',
          severity: 'error',
          message: `'${displayName(cert)}' sits at level ${level} of its hierarchy: a client certificate under it makes a chain of ${level + 1}, over the depth limit of ${maxDepth}`,
          hint: 'Issue client certificates from a CA at most three levels deep (root → intermediate → issuing CA).',
          params: { level, depth: level + 1, limit: maxDepth },
        }),
      );
    }
    if (level === null && !cert.parsed.selfSigned && isCa(cert)) {
      const required = rules.intermediatesRequired;
      findings.push(
        certFinding(cert, {
          code: 'TRUSTSTORE_MISSING_ISSUER',
          severity: required ? 'error' : 'warning',
          message: required
            ? `the issuer of '${displayName(cert)}' (${cert.parsed.issuer}) is not in the bundle: ${rules.name} needs the whole chain up to the root`
            : `the issuer of '${displayName(cert)}' (${cert.parsed.issuer}) is not in the bundle: validation likely stops at this intermediate`,
          hint: `Add the certificate of '${cert.parsed.issuerCommonName ?? cert.parsed.issuer}' (and its issuers up to the root) to the bundle.`,
          params: { issuer: cert.parsed.issuer },
        }),
      );
    }
  }
  return findings;
}
