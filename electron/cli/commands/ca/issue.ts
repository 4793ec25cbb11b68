import { parseCommandArgs, requireOne } from '../../args';
import type { Command } from '../../command';
import { printJson } from '../../output';
import { vaultServices } from '../../vault-services';
import { KEY_OPTION_HELP, keyTypeOption, requireOption, wholeNumber } from '../ca-cli-helpers';
import { onePositional } from '../identity/positionals';

const usage = 'mtls-studio ca issue CA_NAME --name IDENTITY --type client|server [--san SAN]... [--days N] [--subject DN] [--key TYPE] [--json]';

export const issueCommand: Command = {
  name: 'issue',
  summary: 'issue a client or server identity from a vault CA into the vault',
  help: `Usage: ${usage}

Generates a key, issues its certificate from the CA and stores both in the vault with the CA chain, under
IDENTITY. client: EKU clientAuth; server: EKU serverAuth and at least one DNS: or IP: name. keyUsage
digitalSignature (+ keyEncipherment for RSA), 128-bit random serial, validity capped at the CA's.

Options:
  --name IDENTITY   the new identity's name (unique in the vault)
  --type client|server
  --san SAN         DNS:api.example.com, IP:10.0.0.1, email:ops@example.com, URI:spiffe://example/a (repeatable)
  --days N          validity (default 397)
  --subject DN      default CN=IDENTITY
  ${KEY_OPTION_HELP}
  --json            print {"identity":{id,name,authority,serial,subject,notBefore,notAfter,certificateSha256,validityCapped}}

Examples:
  mtls-studio ca issue Partners --name "Partner A" --type client --san email:ops@partner-a.example
  mtls-studio ca issue "Example Root" --name api --type server --san DNS:api.example.com --san IP:127.0.0.1`,

  async run(argv, output) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { name: { type: 'string' }, type: { type: 'string' }, san: { type: 'string', multiple: true }, days: { type: 'string' }, subject: { type: 'string' }, key: { type: 'string' }, json: { type: 'boolean' } },
      usage,
    );
    const ca = onePositional(positionals, 'CA_NAME', usage);
    const name = requireOption(values.name, '--name', usage);
    const type = requireOne(values.type, ['client', 'server'] as const, '--type', usage);
    const keyType = keyTypeOption(values.key, usage);
    const days = wholeNumber(values.days, '--days', usage, { min: 1, max: 36_500 });
    const identity = await vaultServices().ca.issue(ca, {
      name,
      type,
      sans: values.san ?? [],
      ...(days === undefined ? {} : { days }),
      ...(values.subject === undefined ? {} : { subject: values.subject }),
      ...(keyType === undefined ? {} : { keyType }),
    });
    if (output.json) printJson(output, { identity });
    else {
      output.out(`issued '${identity.name}' from '${identity.authority}': ${identity.subject}, serial ${identity.serial}, until ${identity.notAfter.slice(0, 10)}`);
      if (identity.validityCapped) output.note(`note: the validity was shortened to end with the CA's (${identity.notAfter.slice(0, 10)})`);
    }
    return 0;
  },
};
