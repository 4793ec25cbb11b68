import { StudioError } from '../../common/errors';
import type { IssuedEntry } from '../../common/dto/ca';
import { createCrl, crlEntries, effectiveStatus, normalizeSerial, parseRevocationReason, registryCsv, revokeRecord, searchRecords, type CreatedCrl, type IssuedRecord } from '../ca';
import type { VaultContext } from '../vault/context';
import { withAuthority } from './authority-ops';
import { findAuthority } from './ca-records';
import { readRegistry, writeRegistry } from './registry-store';

const entryOf = (record: IssuedRecord, now: Date): IssuedEntry => ({
  serial: record.serial,
  subject: record.subject,
  name: record.name ?? null,
  kind: record.kind ?? null,
  notBefore: record.notBefore,
  notAfter: record.notAfter,
  status: effectiveStatus(record, now),
  revokedAt: record.revokedAt,
  reason: record.reason,
  sha256: record.sha256 ?? null,
});

function recordsOf(ctx: VaultContext, caRef: string, query: string | undefined): IssuedRecord[] {
  const authority = findAuthority(ctx.index.read(), caRef);
  const { records } = readRegistry(ctx.layout, authority.id, authority.name);
  return query === undefined ? records : searchRecords(records, query);
}

/** What the CA issued, oldest first; `query` matches serial (any spelling), subject or identity name. */
export function listIssued(ctx: VaultContext, caRef: string, query?: string): IssuedEntry[] {
  const now = ctx.now();
  return recordsOf(ctx, caRef, query).map((record) => entryOf(record, now));
}

/** The registry as CSV (UTF-8 BOM, CRLF, formula-safe cells), status as seen now. */
export function exportIssuedCsv(ctx: VaultContext, caRef: string, query?: string): string {
  return registryCsv(recordsOf(ctx, caRef, query), ctx.now());
}

export async function revokeIssued(ctx: VaultContext, caRef: string, serialText: string, reasonText = 'unspecified'): Promise<IssuedEntry> {
  const reason = parseRevocationReason(reasonText);
  let serial: string;
  try {
    serial = normalizeSerial(serialText).replace(/^0+(?=.)/, '');
  } catch {
    throw new StudioError('INVALID_ARGUMENT', `'${serialText}' is not a certificate serial number`, { hint: 'Give the serial in hex as `ca list` or `openssl x509 -serial` prints it (colons and 0x are fine).' });
  }
  return ctx.lock.run(async () => {
    const authority = findAuthority(ctx.index.read(), caRef);
    const registry = readRegistry(ctx.layout, authority.id, authority.name);
    const position = registry.records.findIndex((record) => record.serial.replace(/^0+(?=.)/, '') === serial);
    if (position < 0) {
      throw new StudioError('NOT_FOUND', `CA '${authority.name}' did not issue a certificate with serial ${serial}`, {
        hint: `Run \`mtls-studio ca list --issued '${authority.name}'\` to see its serials.`,
        params: { name: authority.name, serial },
      });
    }
    const revoked = revokeRecord(registry.records[position]!, ctx.now(), reason);
    writeRegistry(ctx.layout, authority.id, { ...registry, records: registry.records.map((record, i) => (i === position ? revoked : record)) });
    return entryOf(revoked, ctx.now());
  });
}

/**
 * Signs a CRL of every revoked certificate with the next CRL number. The number is committed before the CRL is
 * handed out, so two CRLs never share a number even if the caller fails to save one.
 */
export async function publishCrl(ctx: VaultContext, caRef: string, options: { nextUpdateDays?: number } = {}): Promise<CreatedCrl> {
  return withAuthority(ctx, caRef, (authority) =>
    ctx.lock.run(async () => {
      const registry = readRegistry(ctx.layout, authority.record.id, authority.record.name);
      const crlNumber = registry.crlNumber + 1;
      const crl = await createCrl(authority.signer, {
        revoked: crlEntries(registry.records),
        crlNumber,
        now: ctx.now(),
        ...(options.nextUpdateDays === undefined ? {} : { nextUpdateDays: options.nextUpdateDays }),
      });
      writeRegistry(ctx.layout, authority.record.id, { ...registry, crlNumber });
      return crl;
    }),
  );
}
