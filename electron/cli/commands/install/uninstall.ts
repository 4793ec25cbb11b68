import { parseCommandArgs } from '../../args';
import type { Command } from '../../command';
import { printJson } from '../../output';
import { vaultServices } from '../../vault-services';
import { onePositional } from '../identity/positionals';
import { describeStore, STORE_HELP, STORE_OPTIONS, storeKind } from './store-args';

const usage = 'mtls-studio uninstall IDENTITY --store nss|firefox|macos|windows [--profile PATH] [--json]';

export const uninstallCommand: Command = {
  name: 'uninstall',
  summary: 'take an identity (certificate and private key) out of a browser or OS certificate store',
  help: `Usage: ${usage}

Finds the identity's certificate in the store by its fingerprint, removes it together with its private
key, and checks it is gone. The identity stays in the vault. CA certificates that came with it stay in
the store (other identities may chain to them).

${STORE_HELP}

Options:
  --store KIND   where to remove it from (required)
  --profile PATH nss: another NSS database folder; firefox: one profile folder (default: every profile)
  --json         print {"identity":{…},"stores":[{store,removed}]} (removed: false when it was not there)

Examples:
  mtls-studio uninstall "Partner A" --store nss
  mtls-studio uninstall "Partner A" --store firefox --json`,

  async run(argv, output) {
    const { values, positionals } = parseCommandArgs(argv, STORE_OPTIONS, usage);
    const identity = onePositional(positionals, 'IDENTITY', usage);
    const store = storeKind(values.store, usage);
    const result = await vaultServices().install.uninstall({ identity, store, ...(values.profile === undefined ? {} : { profile: values.profile }) });
    if (output.json) {
      printJson(output, result);
      return 0;
    }
    for (const item of result.stores) {
      output.out(item.removed ? `removed '${result.identity.name}' from ${describeStore(item.store)}` : `'${result.identity.name}' was not in ${describeStore(item.store)}`);
    }
    return 0;
  },
};
