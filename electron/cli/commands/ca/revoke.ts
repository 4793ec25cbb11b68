import { parseCommandArgs } from '../../args';
import type { Command } from '../../command';
import { printJson } from '../../output';
import { vaultServices } from '../../vault-services';
import { REVOCATION_REASONS } from '../../../core';
import { positionalsExactly } from '../identity/positionals';

const usage = `mtls-studio ca revoke CA_NAME SERIAL [--reason ${REVOCATION_REASONS.join('|')}] [--json]`;

export const revokeCommand: Command = {
  name: 'revoke',
  summary: 'mark a certificate the CA issued as revoked (publish it with ca crl)',
  help: `Usage: ${usage}

Records the revocation (time and reason) in the CA's registry. Relying parties learn about it from the next
CRL: run 'mtls-studio ca crl' and publish the file.

Options:
  --reason R   one of ${REVOCATION_REASONS.join(', ')} (default unspecified)
  --json       print {"revoked":{serial,subject,name,status,revokedAt,reason,…}}

Examples:
  mtls-studio ca revoke Partners 5f3a…c1 --reason keyCompromise
  mtls-studio ca crl Partners --out partners.crl --der`,

  async run(argv, output) {
    const { values, positionals } = parseCommandArgs(argv, { reason: { type: 'string' }, json: { type: 'boolean' } }, usage);
    const [ca, serial] = positionalsExactly(positionals, ['CA_NAME', 'SERIAL'], usage);
    const revoked = await vaultServices().ca.revoke(ca!, serial!, values.reason ?? 'unspecified');
    if (output.json) printJson(output, { revoked });
    else output.out(`revoked serial ${revoked.serial} (${revoked.name ?? revoked.subject}) of '${ca}': ${revoked.reason}\nrun \`mtls-studio ca crl '${ca}' --out FILE\` to publish it`);
    return 0;
  },
};
