import { parseCommandArgs } from '../../args';
import type { Command } from '../../command';
import { printJson } from '../../output';
import { vaultServices } from '../../vault-services';
import { requireOption, writeOutputFile } from '../ca-cli-helpers';
import { onePositional } from '../identity/positionals';

const usage = 'mtls-studio ca export-cert CA_NAME --out FILE [--chain] [--json]';

export const exportCertCommand: Command = {
  name: 'export-cert',
  summary: 'write the CA certificate (PEM) for trust stores and servers',
  help: `Usage: ${usage}

Writes the CA's certificate as PEM — what a server trusts to accept the client certificates it issued
(ssl_client_certificate, -CAfile, an ALB trust store). No key is ever written.

Options:
  --out FILE   where to write it (an existing file is kept: OUTPUT_EXISTS)
  --chain      add its issuers after it (for an intermediate)
  --json       print {"file":…,"certificates":N}

Examples:
  mtls-studio ca export-cert "Example Root" --out example-root.pem`,

  async run(argv, output) {
    const { values, positionals } = parseCommandArgs(argv, { out: { type: 'string' }, chain: { type: 'boolean' }, json: { type: 'boolean' } }, usage);
    const ca = onePositional(positionals, 'CA_NAME', usage);
    const out = requireOption(values.out, '--out', usage);
    const pem = await vaultServices().ca.certificatePem(ca, { chain: values.chain ?? false });
    writeOutputFile(out, pem);
    const certificates = pem.match(/-----BEGIN CERTIFICATE-----/g)?.length ?? 0;
    if (output.json) printJson(output, { file: out, certificates });
    else output.out(`wrote the certificate${certificates > 1 ? 's' : ''} of '${ca}' to ${out}`);
    return 0;
  },
};
