import type { IdentitySummary } from '../../../../electron/common/dto/vault';

const DAY_MS = 24 * 60 * 60 * 1000;

export type ExpiryTone = 'expired' | 'soon' | 'valid';

/** Within the threshold as main's notification and `identity list --expiring` count it (expired included). */
export const expiresWithin = (identity: Pick<IdentitySummary, 'notAfter'>, days: number, now: Date): boolean =>
  Date.parse(identity.notAfter) - now.getTime() < days * DAY_MS;

export function expiryTone(identity: Pick<IdentitySummary, 'notAfter'>, thresholdDays: number, now: Date): ExpiryTone {
  if (Date.parse(identity.notAfter) <= now.getTime()) return 'expired';
  return expiresWithin(identity, thresholdDays, now) ? 'soon' : 'valid';
}

export const TONE_COLORS: Record<ExpiryTone, string> = { expired: 'red', soon: 'orange', valid: 'teal' };

/** How many identities the navigation badge counts, and whether any of them has already expired. */
export function expiringCount(identities: IdentitySummary[], thresholdDays: number, now: Date): { count: number; expired: boolean } {
  let count = 0;
  let expired = false;
  for (const identity of identities) {
    if (!expiresWithin(identity, thresholdDays, now)) continue;
    count++;
    if (Date.parse(identity.notAfter) <= now.getTime()) expired = true;
  }
  return { count, expired };
}
