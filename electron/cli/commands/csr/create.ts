import { StudioError } from '../../../common/errors';
import { parseCommandArgs, requireOne } from '../../args';
import type { Command } from '../../command';
import { printJson } from '../../output';
import { vaultServices } from '../../vault-services';
import { KEY_OPTION_HELP, keyTypeOption, requireOption, writeOutputFile } from '../ca-cli-helpers';

const usage = 'mtls-studio csr create --name IDENTITY --subject DN [--san SAN]... [--key TYPE] [--type client|server] --out FILE [--json]';

export const csrCreateCommand: Command = {
  name: 'create',
  summary: 'make a key (kept in the vault, pending) and a CSR to send to a CA',
  help: `Usage: ${usage}

Generates a key, keeps it in the vault as a pending request named IDENTITY (encrypted, its data key in the OS
keychain) and writes the PKCS#10 request to FILE. Pending requests are not identities yet: they do not appear
in 'identity list' (see 'csr list') until 'csr complete' imports the certificate that comes back.

Options:
  --name IDENTITY   the identity it will become
  --subject DN      e.g. "CN=partner-a,O=Partner A"
  --san SAN         DNS:…, IP:…, email:…, URI:… (repeatable)
  ${KEY_OPTION_HELP}
  --type T          the extended key usage to ask for: client (default) or server
  --out FILE        where to write the CSR (PEM; an existing file is kept)
  --json            print {"request":{id,name,createdAt,subject,subjectAltNames,keyAlgorithm},"file":FILE}

Examples:
  mtls-studio csr create --name "Bank API" --subject "CN=acme-client,O=Acme" --out acme.csr
  mtls-studio csr complete acme-signed.crt`,

  async run(argv, output) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { name: { type: 'string' }, subject: { type: 'string' }, san: { type: 'string', multiple: true }, key: { type: 'string' }, type: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } },
      usage,
    );
    if (positionals.length > 0) throw new StudioError('USAGE', `unexpected argument '${positionals[0]}'`, { hint: usage });
    const name = requireOption(values.name, '--name', usage);
    const subject = requireOption(values.subject, '--subject', usage);
    const out = requireOption(values.out, '--out', usage);
    const keyType = keyTypeOption(values.key, usage);
    const type = values.type === undefined ? 'client' : requireOne(values.type, ['client', 'server'] as const, '--type', usage);
    const services = vaultServices();
    const created = await services.ca.createRequest({ name, subject, sans: values.san ?? [], type, ...(keyType === undefined ? {} : { keyType }) });
    writeOutputFile(out, created.pem);
    if (output.json) printJson(output, { request: created.request, file: out });
    else output.out(`wrote the request for '${created.request.name}' (${created.request.subject}, ${created.request.keyAlgorithm}) to ${out}\nthe key waits in the vault; when the certificate comes back: mtls-studio csr complete CERT_FILE`);
    return 0;
  },
};
