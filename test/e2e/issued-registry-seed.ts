import { generateKeyPairSync } from 'node:crypto';
import { issueCertificate, recordFor, type IssuedRecord } from '../../electron/core/ca';
import { withAuthority } from '../../electron/core/ca-service/authority-ops';
import { readRegistry, writeRegistry } from '../../electron/core/ca-service/registry-store';
import { createVaultContext } from '../../electron/core/vault/vault-service';

/** the i-th seeded device; zero-padded so registry order is index order */
export const seededDevice = (i: number) => `device-${String(i).padStart(5, '0')}`;
export const seededSubject = (i: number) => `CN=${seededDevice(i)}.fleet.example.com,OU=Connected Fleet,O=Acme Logistics GmbH,C=DE`;

/**
 * A CA that issued `count` more certificates, as signed requests are recorded: each one really signed by the
 * CA's key (from the keychain, through the CA service's own loader) for its own EC P-256 key, and appended to
 * the CA's registry by the registry store under the vault lock. The service's signRequest would do the same
 * per certificate, but re-reads the key and rewrites the registry each time (~20/s); this signs all, then
 * writes once. Returns the serials in registry order.
 */
export async function issueMany(home: string, caName: string, count: number): Promise<string[]> {
  const ctx = createVaultContext({ home, now: () => new Date() });
  return withAuthority(ctx, caName, async (authority) => {
    const records: IssuedRecord[] = [];
    for (let i = 0; i < count; i++) {
      const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
      const issued = await issueCertificate(authority.signer, { profile: 'client', subject: seededSubject(i), publicKey, days: 30 + (i % 700) });
      records.push(recordFor(issued, { kind: 'client' }));
    }
    await ctx.lock.run(async () => {
      const registry = readRegistry(ctx.layout, authority.record.id, authority.record.name);
      writeRegistry(ctx.layout, authority.record.id, { ...registry, records: [...registry.records, ...records] });
    });
    return records.map((record) => record.serial);
  });
}
