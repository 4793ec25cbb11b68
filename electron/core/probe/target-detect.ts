import type { DetectedTarget, ProbeTarget } from '../../common/dto/probe';
import { classifyHost } from './target-hosts';

export { classifyHost, type HostForm } from './target-hosts';

/**
 * `--target auto`: which kind of endpoint answered, from its response headers and, failing those, its host
 * name (the host forms are in target-hosts.ts). The checks that follow from the target are in diagnose/rules-target.ts.
 */

export interface TargetGuess {
  target: DetectedTarget;
  detected: boolean;
  evidence: string[];
}

interface Rule {
  target: DetectedTarget;
  test: (headers: Record<string, string>) => string | null;
}

const header = (name: string, pattern: RegExp) => (headers: Record<string, string>) => {
  const value = headers[name];
  return value !== undefined && pattern.test(value) ? `${name}: ${value.slice(0, 60)}` : null;
};
const present = (name: string) => (headers: Record<string, string>) => (headers[name] !== undefined ? `${name} header present` : null);

const HEADER_RULES: Rule[] = [
  { target: 'cloudfront', test: present('x-amz-cf-id') },
  { target: 'cloudfront', test: header('via', /cloudfront/i) },
  { target: 'cloudfront', test: header('x-cache', /cloudfront/i) },
  { target: 'apigw', test: present('x-amz-apigw-id') },
  { target: 'apigw', test: present('x-amzn-requestid') },
  { target: 'apigw', test: present('x-amzn-errortype') },
  { target: 'alb', test: header('server', /^awselb\//i) },
  { target: 'clb', test: header('server', /tengine/i) },
  { target: 'clb', test: present('eagleeye-traceid') },
];

/** CloudFront outranks what is behind it (an ALB origin's headers pass through), API Gateway outranks ALB. */
const PRIORITY: DetectedTarget[] = ['cloudfront', 'apigw', 'alb', 'clb'];

export function detectTarget(requested: ProbeTarget, host: string, headers: Record<string, string> | null): TargetGuess {
  if (requested !== 'auto') return { target: requested, detected: false, evidence: ['given with --target'] };
  const evidence = new Map<DetectedTarget, string[]>();
  const add = (target: DetectedTarget, why: string) => evidence.set(target, [...(evidence.get(target) ?? []), why]);
  if (headers) {
    for (const rule of HEADER_RULES) {
      const why = rule.test(headers);
      if (why) add(rule.target, why);
    }
  }
  const form = classifyHost(host);
  if (form) add(form.target, form.evidence);
  const winner = PRIORITY.find((target) => evidence.has(target));
  if (!winner) return { target: 'generic', detected: true, evidence: [headers ? 'no cloud endpoint headers in the response' : 'no response and no known host pattern'] };
  return { target: winner, detected: true, evidence: evidence.get(winner)! };
}
