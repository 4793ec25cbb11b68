import { toErrorDto, type ErrorDto } from '../../common/errors';
import { issueIdentity, type IssuedIdentity } from './issue';
import { loadIssuer, type CaSigner } from './issuer';
import type { KeyType } from './keys';
import { onboardingSans, type OnboardingRow } from './onboarding-csv';

/**
 * Issuing the identities of an onboarding CSV: one client identity per row (subject from the template, the row's
 * email and DNS names as SANs, its days or the default). Rows are issued one after the other with a progress
 * callback; a row that fails is reported in its result and the others go on.
 */

export interface OnboardingIssueOptions {
  keyType?: KeyType;
  /** used when the row has no days column value */
  days?: number;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
  /** stops before the next row; the results so far are returned */
  signal?: AbortSignal;
}

export type OnboardingResult = { row: OnboardingRow; identity: IssuedIdentity; error: null } | { row: OnboardingRow; identity: null; error: ErrorDto };

export function issueForRow(ca: CaSigner, row: OnboardingRow, options: Omit<OnboardingIssueOptions, 'onProgress' | 'signal'> = {}): Promise<IssuedIdentity> {
  const days = row.days ?? options.days;
  return issueIdentity(ca, {
    profile: 'client',
    subject: row.subject,
    sans: onboardingSans(row),
    ...(days === undefined ? {} : { days }),
    ...(options.keyType === undefined ? {} : { keyType: options.keyType }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
}

/** Issues every row; throws only when the CA itself cannot issue (checked once, before the first row). */
export async function issueOnboardingBatch(ca: CaSigner, rows: readonly OnboardingRow[], options: OnboardingIssueOptions = {}): Promise<OnboardingResult[]> {
  loadIssuer(ca, options.now ?? new Date());
  const results: OnboardingResult[] = [];
  for (const row of rows) {
    if (options.signal?.aborted) break;
    try {
      results.push({ row, identity: await issueForRow(ca, row, options), error: null });
    } catch (error) {
      results.push({ row, identity: null, error: toErrorDto(error) });
    }
    options.onProgress?.(results.length, rows.length);
  }
  return results;
}
