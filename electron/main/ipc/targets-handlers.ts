import { decodeMtlsHeaders, targetGuide } from '../../core';
import type { LabHost } from '../lab-host';
import type { IpcHandlers } from './gateway';

/** Targets & lab: the guide and the header decoder are pure core calls; the lab is main's one running instance. */
export function createTargetsHandlers(lab: LabHost): Pick<IpcHandlers, 'studio:targets.guide' | 'studio:headers.decode' | 'studio:lab.start' | 'studio:lab.stop' | 'studio:lab.status'> {
  return {
    'studio:targets.guide': async (target, values) => targetGuide(target, values),
    'studio:headers.decode': async (text) => decodeMtlsHeaders(text, new Date()),
    'studio:lab.start': async (request) => lab.start(request),
    'studio:lab.stop': async () => lab.stop(),
    'studio:lab.status': async () => lab.status(),
  };
}
