import { StudioError } from '../../../common/errors';
import { parseCommandArgs, requireOne } from '../../args';
import type { Command } from '../../command';
import { printJson } from '../../output';
import { vaultServices } from '../../vault-services';
import { formatList } from './format';

const usage = 'mtls-studio identity list [--expiring DAYS] [--sort name|expiry] [--json]';

export const listCommand: Command = {
  name: 'list',
  summary: 'the identities in the vault, with days left; --expiring DAYS for cron and CI',
  help: `Usage: ${usage}

Lists the identities (name, certificate subject and issuer, expiry, key, host rules). Works without a
reachable keychain: listing never reads a private key.

Options:
  --expiring DAYS   only identities that expire within DAYS days (expired ones included);
                    exit status 1 when there is any — for cron and CI
  --sort name|expiry   name (default) or soonest expiry first
  --json            print {"identities":[{"id","name","subject","issuer","notAfter","daysLeft",
                    "certificateSha256","keyAlgorithm","hosts",…}],"conflicts":[…]}

Examples:
  mtls-studio identity list
  mtls-studio identity list --sort expiry
  mtls-studio identity list --expiring 30 --json || echo "renew these certificates"`,

  async run(argv, output) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { expiring: { type: 'string' }, sort: { type: 'string' }, json: { type: 'boolean' } },
      usage,
    );
    if (positionals.length > 0) throw new StudioError('USAGE', `unexpected argument '${positionals[0]}'`, { hint: usage });
    let expiring: number | undefined;
    if (values.expiring !== undefined) {
      expiring = Number(values.expiring);
      if (!/^\d+$/.test(values.expiring) || !Number.isSafeInteger(expiring)) {
        throw new StudioError('USAGE', `--expiring takes a whole number of days (got '${values.expiring}')`, { hint: usage });
      }
    }
    const sort = values.sort === undefined ? 'name' : requireOne(values.sort, ['name', 'expiry'] as const, '--sort', usage);
    const list = await vaultServices().vault.list({ sort, ...(expiring === undefined ? {} : { expiringWithinDays: expiring }) });
    if (output.json) printJson(output, list);
    else if (list.identities.length === 0) {
      output.out(expiring === undefined ? 'The vault is empty. Import an identity with: mtls-studio identity import FILE...' : `No identity expires within ${expiring} days.`);
    } else output.out(formatList(list.identities));
    for (const conflict of list.conflicts) {
      output.note(`warning: '${conflict.pattern}' is bound to ${conflict.identities.map((identity) => `'${identity.name}'`).join(' and ')}`);
    }
    return expiring !== undefined && list.identities.length > 0 ? 1 : 0;
  },
};
