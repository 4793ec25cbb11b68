import { z } from 'zod';
import type { AppInfo, OpenedFiles } from '../dto/app';
import type { ExportResponse, InspectResponse, PickResponse } from '../dto/files';
import type { AppSettings } from '../dto/settings';
import type { BindResult, HostMatch, IdentityDetails, IdentityList, IdentitySummary, ImportedIdentity } from '../dto/vault';
import type { VaultExportResponse } from '../dto/vault-ipc';
import type { ProbeCancelResponse, ProbeReportText, ProbeRunResponse, ProbeSaveResponse } from '../dto/probe-ipc';
import { probeProgressEvent, probeRequestSchema, probeRunId, reportFormat } from './probe-schema';
import { caChannels, caEvents, type CaChannelResults } from './ca-schema';
import { truststoreChannels, type TrustStoreChannelResults } from './truststore-schema';
import { installChannels, type InstallChannelResults } from './install-schema';
import { expiryChannels, expiryEvents, type ExpiryChannelResults } from './expiry-schema';
import { targetsChannels, type TargetsChannelResults } from './targets-schema';

/**
 * The one list of IPC channels. Main validates every argument with these schemas; the preload builds
 * `window.studio` from the same list, so a channel exists on both sides or on neither.
 */
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const password = z.string().max(1024);
const path = z.string().min(1).max(4096);
const identityId = z.string().uuid();
const identityName = z.string().min(1).max(200);
const label = z.string().min(1).max(100);
const hostPattern = z.string().min(1).max(300);
const language = z.enum(['en', 'zh-CN', 'zh-TW']);

export const contract = {
  'studio:app.info': { args: z.tuple([]) },
  /** files the OS handed to the app (Open With, dock/taskbar drop, argv, second instance) before the renderer listened */
  'studio:app.takeOpenedFiles': { args: z.tuple([]) },
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
  /** identities: metadata and certificates only; key bytes never cross IPC */
  'studio:vault.list': {
    args: z.tuple([z.strictObject({ sort: z.enum(['name', 'expiry']).optional(), expiringWithinDays: z.number().int().min(0).max(36_500).optional() })]),
  },
  'studio:vault.show': { args: z.tuple([identityId]) },
  /** saves what an earlier files.inspect read (its password is not sent again) */
  'studio:vault.import': {
    args: z.tuple([z.strictObject({ inspectionId: z.string().uuid(), select: sha256.optional(), name: identityName.optional() })]),
  },
  'studio:vault.rename': { args: z.tuple([identityId, identityName]) },
  'studio:vault.label': {
    args: z.tuple([identityId, z.strictObject({ add: z.array(label).max(64).optional(), remove: z.array(label).max(64).optional() })]),
  },
  /** destroys the key: the renderer sends the name the user typed, main checks it */
  'studio:vault.remove': { args: z.tuple([z.strictObject({ id: identityId, confirmName: identityName })]) },
  /** main asks where to save (native dialog); a key leaves the vault only with includeKey: true */
  'studio:vault.export': {
    args: z.tuple([
      z.strictObject({
        id: identityId,
        format: z.enum(['p12', 'pem', 'acm']),
        profile: z.enum(['modern', 'compat']).optional(),
        outPassword: password.optional(),
        includeKey: z.boolean(),
      }),
    ]),
  },
  'studio:vault.bind': { args: z.tuple([identityId, hostPattern]) },
  'studio:vault.unbind': { args: z.tuple([identityId, hostPattern]) },
  /** which identity a request to this URL uses, and why */
  'studio:vault.match': { args: z.tuple([z.string().min(1).max(2048)]) },
  /** the Test console: the renderer picks the run id; progress arrives as studio:probe.progress events */
  'studio:probe.run': { args: z.tuple([probeRunId, probeRequestSchema]) },
  'studio:probe.cancel': { args: z.tuple([probeRunId]) },
  /** a finished run's report text (redacted by the core), for the clipboard */
  'studio:probe.report': { args: z.tuple([probeRunId, reportFormat]) },
  /** main asks where to save (native dialog) and writes the report */
  'studio:probe.saveReport': { args: z.tuple([probeRunId, reportFormat]) },
  'studio:settings.get': { args: z.tuple([]) },
  'studio:settings.update': {
    args: z.tuple([
      z.strictObject({ expiryNotify: z.boolean().optional(), expiryThresholdDays: z.number().int().min(1).max(365).optional(), language: language.optional() }),
    ]),
  },
  ...caChannels,
  ...truststoreChannels,
  ...installChannels,
  ...expiryChannels,
  ...targetsChannels,
} as const;

export type Channel = keyof typeof contract;
export type ChannelArgs<C extends Channel> = z.infer<(typeof contract)[C]['args']>;

export interface ChannelResults extends CaChannelResults, TrustStoreChannelResults, InstallChannelResults, ExpiryChannelResults, TargetsChannelResults {
  'studio:app.info': AppInfo;
  'studio:app.takeOpenedFiles': OpenedFiles;
  'studio:files.pick': PickResponse;
  'studio:files.inspect': InspectResponse;
  'studio:files.export': ExportResponse;
  'studio:files.forget': null;
  'studio:vault.list': IdentityList;
  'studio:vault.show': IdentityDetails;
  'studio:vault.import': ImportedIdentity;
  'studio:vault.rename': IdentitySummary;
  'studio:vault.label': IdentitySummary;
  'studio:vault.remove': { id: string; name: string };
  'studio:vault.export': VaultExportResponse;
  'studio:vault.bind': BindResult;
  'studio:vault.unbind': IdentitySummary;
  'studio:vault.match': HostMatch;
  'studio:probe.run': ProbeRunResponse;
  'studio:probe.cancel': ProbeCancelResponse;
  'studio:probe.report': ProbeReportText;
  'studio:probe.saveReport': ProbeSaveResponse;
  'studio:settings.get': AppSettings;
  'studio:settings.update': AppSettings;
}

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

/**
 * Main → renderer events, declared like the invoke channels: main validates each payload against its schema
 * before sending, and the preload exposes one subscribe function per event (never a generic `on(channel)`).
 */
export const events = {
  /** the OS asked the running app to open these files: the renderer shows them in Inspect */
  'studio:app.filesOpened': z.strictObject({ paths: z.array(path).min(1).max(64) }),
  /** a probe run in flight: how many requests are done, throttled to a few per second */
  'studio:probe.progress': probeProgressEvent,
  ...caEvents,
  ...expiryEvents,
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;

export const EVENT_NAMES = Object.keys(events) as EventName[];
