import { StudioError } from '../../../common/errors';
import type { Pkcs12Profile } from '../../../common/dto/inspect';
import type { IdentityExportFormat } from '../../../common/dto/vault';
import { parseCommandArgs, requireOne } from '../../args';
import type { Command } from '../../command';
import { printWritten } from '../../output';
import { pkcs12OutputPassword } from '../../read-with-password';
import { passwordFrom } from '../../secrets';
import { vaultServices } from '../../vault-services';
import { onePositional } from './positionals';

const usage =
  'mtls-studio identity export NAME --to p12|pem|acm --out PATH [--profile modern|compat] [--out-password-env VAR | --out-password-file FILE] [--no-key] [--force] [--json]';

export const exportCommand: Command = {
  name: 'export',
  summary: 'write an identity as PKCS#12, PEM or an AWS ACM bundle (recorded in its history)',
  help: `Usage: ${usage}

Writes the identity with the same writers as 'convert' (atomically, mode 0600; an existing output is kept
unless --force). Exporting the private key needs the keychain and is recorded in the identity's history
(format, profile, file, encrypted or not — never the password).

Formats:
  p12   key + certificate + chain, protected by the output password (required; prompted on a terminal)
          --profile modern  AES-256/PBKDF2-SHA256, HMAC-SHA256 MAC: Windows 10+, OpenSSL 3, Java (default)
          --profile compat  3DES, SHA-1 MAC: macOS Keychain, older Windows
  pem   certificates (leaf → root) and the PKCS#8 key, encrypted with the output password when one is given,
        otherwise in the clear (with a warning); --no-key writes the certificates only
  acm   a folder with certificate.pem, private-key.pem (unencrypted, as ACM requires) and chain.pem

Options:
  --out-password-env VAR / --out-password-file FILE   password for the output
  --force    replace an existing output
  --json     print {"written":[…],"warnings":[…],"keyExported":true|false}

Examples:
  OUT_PW=… mtls-studio identity export "Partner A" --to p12 --out partner-a.p12 --out-password-env OUT_PW
  mtls-studio identity export "Partner A" --to p12 --profile compat --out for-macos.p12
  mtls-studio identity export "Partner A" --to pem --no-key --out partner-a-chain.pem`,

  async run(argv, output) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        to: { type: 'string' },
        out: { type: 'string' },
        profile: { type: 'string' },
        'out-password-env': { type: 'string' },
        'out-password-file': { type: 'string' },
        'no-key': { type: 'boolean' },
        force: { type: 'boolean' },
        json: { type: 'boolean' },
      },
      usage,
    );
    const name = onePositional(positionals, 'NAME', usage);
    const format: IdentityExportFormat = requireOne(values.to, ['p12', 'pem', 'acm'] as const, '--to', usage);
    if (!values.out) throw new StudioError('USAGE', 'missing --out', { hint: usage });
    const profile: Pkcs12Profile = values.profile === undefined ? 'modern' : requireOne(values.profile, ['modern', 'compat'] as const, '--profile', usage);
    if (values['no-key'] && format !== 'pem') throw new StudioError('USAGE', `--no-key applies to --to pem only (${format} always holds the key)`, { hint: usage });
    let outPassword = passwordFrom({ env: values['out-password-env'], file: values['out-password-file'] }, 'output password');
    if (format === 'p12') outPassword = await pkcs12OutputPassword(outPassword);
    const result = await vaultServices().vault.export(
      {
        identity: name,
        format,
        profile,
        includeKey: !values['no-key'],
        ...(outPassword === undefined ? {} : { outPassword }),
      },
      values.out,
      { overwrite: values.force ?? false },
    );
    printWritten(output, result);
    return 0;
  },
};
