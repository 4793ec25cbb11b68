import { parseCommandArgs } from '../../args';
import type { Command } from '../../command';
import { printJson } from '../../output';
import { vaultServices } from '../../vault-services';
import { requireOption, wholeNumber, writeOutputFile } from '../ca-cli-helpers';
import { onePositional } from '../identity/positionals';

const usage = 'mtls-studio ca crl CA_NAME --out FILE [--der] [--next-update-days N] [--json]';

export const crlCommand: Command = {
  name: 'crl',
  summary: 'publish the CA\'s certificate revocation list (PEM, or DER with --der)',
  help: `Usage: ${usage}

Signs a CRL listing every certificate the CA revoked, with the next CRL number (kept in the vault, never
reused) and nextUpdate in 7 days. The file is replaced if it exists: republishing is the routine.

Options:
  --out FILE              where to write it
  --der                   DER instead of PEM (AWS ALB trust stores, 'openssl crl -inform DER')
  --next-update-days N    when relying parties should fetch the next one (default 7)
  --json                  print {"crl":{file,format,crlNumber,thisUpdate,nextUpdate,revoked}}

Examples:
  mtls-studio ca crl Partners --out partners.crl.pem
  mtls-studio ca crl Partners --out partners.crl --der`,

  async run(argv, output) {
    const { values, positionals } = parseCommandArgs(argv, { out: { type: 'string' }, der: { type: 'boolean' }, 'next-update-days': { type: 'string' }, json: { type: 'boolean' } }, usage);
    const ca = onePositional(positionals, 'CA_NAME', usage);
    const out = requireOption(values.out, '--out', usage);
    const nextUpdateDays = wholeNumber(values['next-update-days'], '--next-update-days', usage, { min: 1, max: 3650 });
    const crl = await vaultServices().ca.crl(ca, nextUpdateDays === undefined ? {} : { nextUpdateDays });
    writeOutputFile(out, values.der ? crl.der : crl.pem, { replace: true });
    const summary = { file: out, format: values.der ? 'der' : 'pem', crlNumber: crl.crlNumber, thisUpdate: crl.thisUpdate.toISOString(), nextUpdate: crl.nextUpdate.toISOString(), revoked: crl.revokedCount };
    if (output.json) printJson(output, { crl: summary });
    else output.out(`wrote CRL #${crl.crlNumber} of '${ca}' to ${out} (${summary.format.toUpperCase()}, ${crl.revokedCount} revoked, next update ${summary.nextUpdate.slice(0, 10)})`);
    return 0;
  },
};
