import type { DetectedTarget } from '../../common/dto/probe';

/**
 * The host names cloud endpoints are given, and what each form says: which target, which region and partition
 * (aws / aws-cn), and for API Gateway whether it is the default execute-api endpoint (where mutual TLS never
 * applies) or the target name behind a custom domain. Custom domains match nothing here: that is the common case,
 * and why the target can be chosen by hand.
 */

export type HostKind =
  | 'cloudfront-distribution'
  | 'elb'
  | 'apigw-default-endpoint'
  | 'apigw-private-endpoint'
  | 'apigw-domain-target'
  | 'alibaba-slb';

export interface HostForm {
  target: DetectedTarget;
  kind: HostKind;
  vendor: 'aws' | 'alibaba';
  /** 'us-east-1', 'cn-north-1', …; null when the name does not carry one (CloudFront is global) */
  region: string | null;
  /** AWS partition: 'aws-cn' for names ending in .cn; null for other vendors */
  partition: 'aws' | 'aws-cn' | null;
  /** one line for the probe's target evidence */
  evidence: string;
}

const REGION = '([a-z]{2}(?:-gov)?-[a-z]+-\\d)';
const FORMS: { pattern: RegExp; make: (match: RegExpMatchArray) => Omit<HostForm, 'partition' | 'vendor'> & { vendor?: 'alibaba' } }[] = [
  {
    pattern: /^[a-z0-9-]+\.cloudfront\.(net|cn)$/,
    make: (m) => ({ target: 'cloudfront', kind: 'cloudfront-distribution', region: null, evidence: `host ends in .cloudfront.${m[1]}` }),
  },
  {
    // <api-id>-vpce-<endpoint-id>.execute-api.<region>.vpce.amazonaws.com: a private API (no mutual TLS either)
    pattern: new RegExp(`^[a-z0-9]+-vpce-[a-z0-9]+\\.execute-api\\.${REGION}\\.vpce\\.amazonaws\\.com(\\.cn)?$`),
    make: (m) => ({ target: 'apigw', kind: 'apigw-private-endpoint', region: m[1]!, evidence: 'host is a private API endpoint (execute-api … vpce)' }),
  },
  {
    // d-<id>.execute-api.<region>.amazonaws.com: the Regional target name a custom domain's DNS record points at
    pattern: new RegExp(`^d-[a-z0-9]+\\.execute-api\\.${REGION}\\.amazonaws\\.com(\\.cn)?$`),
    make: (m) => ({ target: 'apigw', kind: 'apigw-domain-target', region: m[1]!, evidence: 'host is the Regional target name of an API Gateway custom domain (d-….execute-api)' }),
  },
  {
    pattern: new RegExp(`^[a-z0-9]+\\.execute-api\\.${REGION}\\.amazonaws\\.com(\\.cn)?$`),
    make: (m) => ({ target: 'apigw', kind: 'apigw-default-endpoint', region: m[1]!, evidence: 'host is an execute-api endpoint' }),
  },
  {
    // ALB and Classic LB: [dualstack.][internal-]<name>-<id>.<region>.elb.amazonaws.com[.cn]
    pattern: new RegExp(`^(?:dualstack\\.)?[a-z0-9-]+\\.${REGION}\\.elb\\.amazonaws\\.com(\\.cn)?$`),
    make: (m) => ({ target: 'alb', kind: 'elb', region: m[1]!, evidence: `host ends in .elb.amazonaws.com${m[2] ?? ''}` }),
  },
  {
    pattern: /^[a-z0-9.-]+\.(alb|slb|clb)\.aliyuncs\.com$/,
    make: () => ({ target: 'clb', kind: 'alibaba-slb', region: null, vendor: 'alibaba', evidence: 'host is an Alibaba Cloud load balancer name' }),
  },
];

/** The form of a cloud endpoint's host name, or null (custom domains, IP addresses, everything else). */
export function classifyHost(host: string): HostForm | null {
  const name = host.toLowerCase().replace(/\.$/, '');
  for (const form of FORMS) {
    const match = name.match(form.pattern);
    if (!match) continue;
    const made = form.make(match);
    const vendor = made.vendor ?? 'aws';
    return { ...made, vendor, partition: vendor === 'aws' ? (name.endsWith('.cn') ? 'aws-cn' : 'aws') : null };
  }
  return null;
}
