import { z } from 'zod';
import type { AppInfo } from '../dto/app';
import type { ExportResponse, InspectResponse, PickResponse } from '../dto/files';

/**
 * The one list of IPC channels. Main validates every argument with these schemas; the preload builds
 * `window.studio` from the same list, so a channel exists on both sides or on neither.
 */
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const password = z.string().max(1024);
const path = z.string().min(1).max(4096);

export const contract = {
  'studio:app.info': { args: z.tuple([]) },
  'studio:files.pick': { args: z.tuple([]) },
  'studio:files.inspect': {
    args: z.tuple([z.strictObject({ paths: z.array(path).min(1).max(64), password: password.optional() })]),
  },
  'studio:files.export': {
    args: z.tuple([
      z.strictObject({
        inspectionId: z.string().uuid(),
        format: z.enum(['p12', 'pem', 'der', 'p7b', 'acm']),
        profile: z.enum(['modern', 'compat']).optional(),
        outPassword: password.optional(),
        includeKey: z.boolean().optional(),
        select: sha256.optional(),
      }),
    ]),
  },
  'studio:files.forget': { args: z.tuple([z.string().uuid()]) },
} as const;

export type Channel = keyof typeof contract;
export type ChannelArgs<C extends Channel> = z.infer<(typeof contract)[C]['args']>;

export interface ChannelResults {
  'studio:app.info': AppInfo;
  'studio:files.pick': PickResponse;
  'studio:files.inspect': InspectResponse;
  'studio:files.export': ExportResponse;
  'studio:files.forget': null;
}

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}
