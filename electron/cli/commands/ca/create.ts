import type { AuthoritySummary } from '../../../common/dto/ca';
import { parseCommandArgs } from '../../args';
import type { Command } from '../../command';
import { printJson } from '../../output';
import { vaultServices } from '../../vault-services';
import { KEY_OPTION_HELP, keyTypeOption, wholeNumber } from '../ca-cli-helpers';
import { onePositional } from '../identity/positionals';

const usage = 'mtls-studio ca create NAME [--key ec-p256|ec-p384|rsa-2048|rsa-3072|rsa-4096] [--subject DN] [--days N] [--parent CA_NAME] [--path-len N] [--json]';

export const describeAuthority = (ca: AuthoritySummary): string =>
  `${ca.kind === 'root' ? 'root CA' : `intermediate CA under '${ca.parentName ?? 'a CA outside the vault'}'`} '${ca.name}' (${ca.subject}, ${ca.keyAlgorithm}, until ${ca.notAfter.slice(0, 10)}${ca.pathLen === null ? '' : `, pathLen ${ca.pathLen}`})`;

export const createCommand: Command = {
  name: 'create',
  summary: 'create a root CA, or an intermediate CA under a vault CA (--parent)',
  help: `Usage: ${usage}

Creates a CA whose key is kept in the vault (encrypted, its data key in the OS keychain) like any identity.
The certificate has basicConstraints CA:TRUE (critical, with --path-len if given), keyUsage keyCertSign and
cRLSign, and subject/authority key identifiers.

Options:
  ${KEY_OPTION_HELP}
  --subject DN      e.g. "CN=Example Root CA,O=Example" or "/O=Example/CN=Example Root CA" (default CN=NAME)
  --days N          validity (default 3650 for a root, 1825 for an intermediate, capped at the parent's)
  --parent CA_NAME  sign it with this vault CA: an intermediate
  --path-len N      how many intermediate levels may follow below it
  --json            print {"authority":{id,name,kind,parentId,parentName,pathLen,subject,notBefore,notAfter,…}}

Examples:
  mtls-studio ca create "Example Root" --subject "CN=Example Root CA,O=Example" --path-len 1
  mtls-studio ca create "Partners" --parent "Example Root" --days 1825`,

  async run(argv, output) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { key: { type: 'string' }, subject: { type: 'string' }, days: { type: 'string' }, parent: { type: 'string' }, 'path-len': { type: 'string' }, json: { type: 'boolean' } },
      usage,
    );
    const name = onePositional(positionals, 'NAME', usage);
    const keyType = keyTypeOption(values.key, usage);
    const days = wholeNumber(values.days, '--days', usage, { min: 1, max: 36_500 });
    const pathLen = wholeNumber(values['path-len'], '--path-len', usage, { min: 0, max: 32 });
    const authority = await vaultServices().ca.create({
      name,
      ...(keyType === undefined ? {} : { keyType }),
      ...(values.subject === undefined ? {} : { subject: values.subject }),
      ...(days === undefined ? {} : { days }),
      ...(values.parent === undefined ? {} : { parent: values.parent }),
      ...(pathLen === undefined ? {} : { pathLen }),
    });
    if (output.json) printJson(output, { authority });
    else output.out(`created ${describeAuthority(authority)}\nid ${authority.id}, SHA-256 ${authority.certificateSha256}`);
    return 0;
  },
};
