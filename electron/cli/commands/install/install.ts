import { parseCommandArgs } from '../../args';
import type { Command } from '../../command';
import { printJson } from '../../output';
import { vaultServices } from '../../vault-services';
import { onePositional } from '../identity/positionals';
import { describeStore, STORE_HELP, STORE_OPTIONS, storeKind } from './store-args';

const usage = 'mtls-studio install IDENTITY --store nss|firefox|macos|windows [--profile PATH] [--trust-ca] [--json]';

export const installCommand: Command = {
  name: 'install',
  summary: 'put an identity (key, certificate, chain) into a browser or OS certificate store',
  help: `Usage: ${usage}

Installs the identity's private key, certificate and chain where browsers and tools look for client
certificates, then checks the store really lists it with its key. The key goes through a temporary
PKCS#12 file (0600, in a private folder, random one-time password) that is overwritten and removed at once.

${STORE_HELP}

Options:
  --store KIND   where to install (required)
  --profile PATH nss: another NSS database folder; firefox: one profile folder
  --trust-ca     nss/firefox: also trust the identity's top CA to issue client certificates (trust "T,,")
  --json         print {"identity":{id,name,certificateSha256},"stores":[{store,nickname,caTrusted}]}

Examples:
  mtls-studio install "Partner A" --store nss
  mtls-studio install "Partner A" --store firefox --profile ~/.mozilla/firefox/abcd1234.default-release
  mtls-studio install "Partner A" --store macos --json`,

  async run(argv, output) {
    const { values, positionals } = parseCommandArgs(argv, { ...STORE_OPTIONS, 'trust-ca': { type: 'boolean' } }, usage);
    const identity = onePositional(positionals, 'IDENTITY', usage);
    const store = storeKind(values.store, usage);
    const result = await vaultServices().install.install({
      identity,
      store,
      ...(values.profile === undefined ? {} : { profile: values.profile }),
      ...(values['trust-ca'] ? { trustCa: true } : {}),
    });
    if (output.json) {
      printJson(output, result);
      return 0;
    }
    for (const item of result.stores) {
      output.out(`installed '${result.identity.name}' into ${describeStore(item.store)}${item.nickname ? ` as '${item.nickname}'` : ''}`);
      if (item.caTrusted) output.out('  its CA is trusted to issue client certificates there');
    }
    return 0;
  },
};
