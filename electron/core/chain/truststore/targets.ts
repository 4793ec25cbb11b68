import type { TrustStoreLimits, TrustStoreSeverity, TrustStoreTarget } from '../../../common/dto/truststore';

/**
 * What each target accepts (DOMAIN.md is the source). `confirmed: false` marks rules the vendor does not document:
 * their findings say "likely" and are warnings, never errors.
 */
export interface TargetRules {
  name: string;
  limits: TrustStoreLimits;
  /** ALB's text rules: no blank lines; `#` comment lines without `-`; nothing else outside the blocks */
  strictText: boolean;
  /** minimum CA strength, and whether a violation is documented (error) or only likely (warning) */
  strength: {
    minRsaBits: number;
    minEcBits: number;
    weakSignature: boolean;
    severity: TrustStoreSeverity;
  } | null;
  /** CloudFront lists the key types it takes */
  allowedKeys: { rsa: number[]; ec: string[] } | null;
  /** every intermediate's issuer must be in the bundle (API Gateway); elsewhere a missing issuer is a warning */
  intermediatesRequired: boolean;
  /** how CRLs given to `build` are handled */
  crls: 'separate' | 'unsupported' | 'unknown';
  /** Alibaba CLB: one client-CA certificate per upload */
  singleCa: boolean;
  /** client certificates using a weak algorithm are refused (API Gateway answers 403) */
  rejectsWeakClient: boolean;
}

const WEAK_STRENGTH = { minRsaBits: 2048, minEcBits: 256, weakSignature: true } as const;

export const TARGET_RULES: Record<TrustStoreTarget, TargetRules> = {
  alb: {
    name: 'AWS Application Load Balancer',
    limits: {
      maxCertificates: 25,
      maxCertificateBytes: 16 * 1024,
      maxBundleBytes: null,
      maxDepth: 4,
      maxCrls: 30,
    },
    strictText: true,
    strength: null,
    allowedKeys: null,
    intermediatesRequired: false,
    crls: 'separate',
    singleCa: false,
    rejectsWeakClient: false,
  },
  apigw: {
    name: 'Amazon API Gateway (custom domain)',
    limits: {
      maxCertificates: null,
      maxCertificateBytes: null,
      maxBundleBytes: null,
      maxDepth: 4,
      maxCrls: null,
    },
    strictText: false,
    strength: { ...WEAK_STRENGTH, severity: 'error' },
    allowedKeys: null,
    intermediatesRequired: true,
    crls: 'unsupported',
    singleCa: false,
    rejectsWeakClient: true,
  },
  cloudfront: {
    name: 'Amazon CloudFront (viewer mTLS)',
    limits: {
      maxCertificates: 25,
      maxCertificateBytes: null,
      maxBundleBytes: 64 * 1024,
      maxDepth: 4,
      maxCrls: null,
    },
    strictText: false,
    strength: { ...WEAK_STRENGTH, severity: 'error' },
    allowedKeys: { rsa: [2048, 3072, 4096], ec: ['P-256', 'P-384'] },
    intermediatesRequired: false,
    crls: 'unknown',
    singleCa: false,
    rejectsWeakClient: false,
  },
  'clb-alibaba': {
    name: 'Alibaba Cloud CLB (HTTPS mutual authentication)',
    limits: {
      maxCertificates: 1,
      maxCertificateBytes: null,
      maxBundleBytes: null,
      maxDepth: null,
      maxCrls: null,
    },
    strictText: false,
    strength: { ...WEAK_STRENGTH, severity: 'warning' },
    allowedKeys: null,
    intermediatesRequired: false,
    crls: 'unknown',
    singleCa: true,
    rejectsWeakClient: false,
  },
};

/** The public description of a target's limits (the `limits` field of every report). */
export const limitsOf = (target: TrustStoreTarget): TrustStoreLimits => TARGET_RULES[target].limits;
