import { z } from 'zod';
import type { LabStatus, MtlsHeaderReport, TargetGuide } from '../dto/targets';

/**
 * The Targets & lab screen's channels: the region/certificate guide with its AWS CLI commands (pure, from the
 * values the user typed), the mTLS header decoder (pasted text), and the local lab, which runs in main.
 */
const value = z.string().max(2048);
const path = z.string().min(1).max(4096);

/** ALB takes at most 25 CAs in a trust store: more files than that cannot describe one */
export const labStartRequest = z.strictObject({ trust: z.array(path).max(25).optional() });

export const guideValues = z.strictObject({
  region: z.string().max(32).optional(),
  apigwEndpointType: z.enum(['regional', 'edge']).optional(),
  domainName: value.optional(),
  accountId: z.string().max(32).optional(),
  bucket: value.optional(),
  bundleKey: value.optional(),
  certFile: value.optional(),
  keyFile: value.optional(),
  chainFile: value.optional(),
  bundleFile: value.optional(),
  trustStoreName: value.optional(),
  trustStoreArn: value.optional(),
  loadBalancerArn: value.optional(),
  targetGroupArn: value.optional(),
  certificateArn: value.optional(),
  restApiId: value.optional(),
  albMode: z.enum(['verify', 'passthrough']).optional(),
  advertiseCaNames: z.boolean().optional(),
  ignoreClientCertificateExpiry: z.boolean().optional(),
  certificateName: value.optional(),
  classicLbName: value.optional(),
});

export const targetsChannels = {
  /** where the server certificate must live, and the filled-in AWS CLI commands */
  'studio:targets.guide': { args: z.tuple([z.enum(['alb', 'apigw', 'cloudfront', 'clb']), guideValues]) },
  /** headers a backend received (pasted text: lines or JSON), decoded into certificate details */
  'studio:headers.decode': { args: z.tuple([z.string().min(1).max(1_048_576)]) },
  /** starts the local lab on 127.0.0.1 (or returns the one already running; other trusted files restart it) */
  'studio:lab.start': { args: z.tuple([labStartRequest.optional()]) },
  'studio:lab.stop': { args: z.tuple([]) },
  'studio:lab.status': { args: z.tuple([]) },
} as const;

export interface TargetsChannelResults {
  'studio:targets.guide': TargetGuide;
  'studio:headers.decode': MtlsHeaderReport;
  'studio:lab.start': LabStatus;
  'studio:lab.stop': LabStatus;
  'studio:lab.status': LabStatus;
}
