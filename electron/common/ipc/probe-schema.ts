import { z } from 'zod';
import { DIAGNOSIS_CODES } from '../dto/probe';

/**
 * The Test console's request at the IPC boundary: the ProbeRequest DTO narrowed to what the UI sends (body as
 * text only, bounded lists and strings). Identities are a vault name or file paths the user chose in the native
 * open dialog; the key is read by the core in main and never crosses IPC. The core validates the values again.
 */
const path = z.string().min(1).max(4096);
const password = z.string().max(1024);
const hostName = z.string().min(1).max(253);

export const probeRunId = z.string().uuid();

const probeIdentity = z.union([
  z.strictObject({ kind: z.literal('vault'), name: z.string().min(1).max(200) }),
  z.strictObject({
    kind: z.literal('files'),
    certPath: path,
    keyPath: path,
    keyPassword: password.optional(),
  }),
  z.strictObject({ kind: z.literal('pkcs12'), path, password: password.optional() }),
]);

export const probeRequestSchema = z.strictObject({
  url: z
    .string()
    .max(2048)
    .regex(/^https:\/\/\S+$/i),
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']).optional(),
  headers: z
    .array(z.tuple([z.string().min(1).max(256), z.string().max(8192)]))
    .max(100)
    .optional(),
  body: z.strictObject({ text: z.string().max(1_048_576) }).optional(),
  identity: probeIdentity.optional(),
  caFiles: z.array(path).max(16).optional(),
  systemRoots: z.boolean().optional(),
  insecure: z.boolean().optional(),
  servername: hostName.optional(),
  resolve: z
    .array(
      z.strictObject({
        host: hostName,
        port: z.number().int().min(1).max(65_535),
        addresses: z.array(z.string().min(2).max(64)).min(1).max(16),
      }),
    )
    .max(16)
    .optional(),
  allAddresses: z.boolean().optional(),
  tlsMin: z.enum(['1.2', '1.3']).optional(),
  tlsMax: z.enum(['1.2', '1.3']).optional(),
  target: z.enum(['auto', 'alb', 'apigw', 'cloudfront', 'clb', 'generic']).optional(),
  timeoutMs: z.number().int().min(100).max(120_000).optional(),
  repeat: z
    .strictObject({
      count: z.number().int().min(1).max(10_000),
      concurrency: z.number().int().min(1).max(256),
      connection: z.enum(['new', 'keep-alive']).optional(),
    })
    .optional(),
});

export const reportFormat = z.enum(['markdown', 'json']);

const count = z.number().int().min(0).max(10_000);

/** main → renderer while a run is in flight (throttled): counts so far and the last request's latency */
export const probeProgressEvent = z.strictObject({
  runId: probeRunId,
  done: count,
  total: count,
  succeeded: count,
  failed: count,
  lastLatencyMs: z.number().min(0).max(10_000_000).nullable(),
  /** latency of every request finished since the previous event, for the live histogram */
  latenciesMs: z.array(z.number().min(0).max(10_000_000)).max(1_000),
  lastCode: z.enum(DIAGNOSIS_CODES).nullable(),
});
