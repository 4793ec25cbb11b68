import { join } from 'node:path';
import { encodePem } from '../pki';
import { syncFolder, writeFileAtomically } from '../vault/atomic-file';
import { certificatesPem, createIdentityFolder, writeHistory } from '../vault/identity-files';
import type { VaultLayout } from '../vault/layout';
import type { VaultContext } from '../vault/context';
import type { NewIdentity } from './identity-writer';

/**
 * The folder of a pending request: identities/<id>/key.enc (sealed like an identity's key) and request.pem (the
 * CSR, to send again). Completing it adds certificate.pem, chain.pem and history.json: the folder is then an
 * ordinary identity folder.
 */
export const REQUEST_FILE = 'request.pem';

export const requestFile = (layout: VaultLayout, id: string): string => join(layout.identityFolder(id), REQUEST_FILE);

export function writePendingFolder(layout: VaultLayout, id: string, sealedKey: Uint8Array, csrDer: Uint8Array): void {
  createIdentityFolder(layout, id);
  writeFileAtomically(layout.keyFile(id), sealedKey);
  writeFileAtomically(requestFile(layout, id), encodePem('CERTIFICATE REQUEST', csrDer));
  syncFolder(layout.identities);
}

export function writeCompletion(ctx: VaultContext, id: string, item: NewIdentity, now: Date): void {
  writeFileAtomically(ctx.layout.chainFile(id), certificatesPem(item.chain));
  writeHistory(ctx.layout, id, [{ at: now.toISOString(), action: 'imported', details: { files: [], ...item.history } }]);
  // the certificate last: until it exists the folder is still a pending request's
  writeFileAtomically(ctx.layout.certificateFile(id), certificatesPem([item.certificate]));
}
