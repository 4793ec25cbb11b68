import { parseCommandArgs, requireOne } from '../../args';
import type { Command } from '../../command';
import { printJson } from '../../output';
import { vaultServices } from '../../vault-services';
import { readInputFile, requireOption, wholeNumber, writeOutputFile } from '../ca-cli-helpers';
import { positionalsExactly } from '../identity/positionals';

const usage = 'mtls-studio csr sign CA_NAME CSR_FILE [--days N] [--type client|server] --out FILE [--json]';

export const csrSignCommand: Command = {
  name: 'sign',
  summary: 'sign a CSR someone sent, under the CA\'s policy',
  help: `Usage: ${usage}

Checks the request (its signature, key type among EC P-256/P-384 and RSA 2048/3072/4096, validity at most 397
days, SAN kinds) and issues it with the profile's extensions — not whatever extensions the request asks for;
what it asked for and did not get is listed. The certificate is recorded in the CA's registry.

Options:
  --days N          validity (default 397)
  --type T          client or server (default: server when the request asks only for serverAuth, else client)
  --out FILE        where to write the certificate (PEM; an existing file is kept)
  --json            print {"certificate":{serial,subject,issuer,notBefore,notAfter,sha256,file},"request":{…},"notes":[…]}

Examples:
  mtls-studio csr sign Partners partner-b.csr --out partner-b.crt`,

  async run(argv, output) {
    const { values, positionals } = parseCommandArgs(argv, { days: { type: 'string' }, type: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } }, usage);
    const [ca, file] = positionalsExactly(positionals, ['CA_NAME', 'CSR_FILE'], usage);
    const out = requireOption(values.out, '--out', usage);
    const days = wholeNumber(values.days, '--days', usage, { min: 1, max: 36_500 });
    const type = values.type === undefined ? undefined : requireOne(values.type, ['client', 'server'] as const, '--type', usage);
    const signed = await vaultServices().ca.signRequest(ca!, readInputFile(file!, 'request file'), file!, { ...(days === undefined ? {} : { days }), ...(type === undefined ? {} : { type }) });
    writeOutputFile(out, signed.pem);
    const certificate = { serial: signed.serial, subject: signed.subject, issuer: signed.issuer, notBefore: signed.notBefore.toISOString(), notAfter: signed.notAfter.toISOString(), sha256: signed.sha256, file: out };
    const request = { subject: signed.request.subject, subjectAltNames: signed.request.subjectAltNames, keyType: signed.request.keyType, requestedExtendedKeyUsage: signed.request.requestedExtendedKeyUsage };
    if (output.json) printJson(output, { certificate, request, notes: signed.notes });
    else {
      output.out(`signed '${file}' with '${ca}': ${signed.subject}, serial ${signed.serial}, until ${certificate.notAfter.slice(0, 10)} → ${out}`);
      for (const note of signed.notes) output.note(`note: ${note}`);
    }
    return 0;
  },
};
