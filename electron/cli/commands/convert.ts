import { StudioError } from '../../common/errors';
import type { OutputFormat, Pkcs12Profile } from '../../common/dto/inspect';
import { createServices } from '../../core';
import { parseCommandArgs, requireOne } from '../args';
import type { Command } from '../command';
import { printWritten } from '../output';
import { inspectWithPassword, pkcs12OutputPassword } from '../read-with-password';
import { passwordFrom } from '../secrets';

const usage =
  'mtls-studio convert FILE... --to p12|pem|der|p7b|acm --out PATH [--profile modern|compat] [--password-env VAR | --password-file FILE] [--out-password-env VAR | --out-password-file FILE] [--select SHA256] [--no-key] [--force] [--json]';

const FORMATS = ['p12', 'pem', 'der', 'p7b', 'acm'] as const;
const PROFILES = ['modern', 'compat'] as const;

export const convertCommand: Command = {
  name: 'convert',
  summary: 'write certificates and keys as PKCS#12, PEM, DER, PKCS#7 or an AWS ACM bundle',
  help: `Usage: ${usage}

Reads the inputs like 'inspect' and writes them in another format. Files are written atomically
with mode 0600; an existing output is kept unless --force is given.

Formats:
  p12   key + certificate + chain, protected by the output password (required)
          --profile modern  AES-256/PBKDF2-SHA256, HMAC-SHA256 MAC: Windows 10+, OpenSSL 3, Java (default)
          --profile compat  3DES, SHA-1 MAC: macOS Keychain, older Windows, appliances
  pem   certificates (leaf first, chain in order) and the private key as PKCS#8; the key is encrypted
        (AES-256) when an output password is given, otherwise written in the clear with a warning.
        --no-key writes the certificates only.
  der   the leaf certificate in DER (.cer)
  p7b   all certificates as a PKCS#7 bundle (PEM, label PKCS7)
  acm   a folder with certificate.pem, private-key.pem (unencrypted, as ACM requires) and chain.pem,
        ready for 'aws acm import-certificate'

Options:
  --password-env VAR / --password-file FILE          password of the inputs
  --out-password-env VAR / --out-password-file FILE  password for the output (p12, encrypted pem)
  --select SHA256   the certificate to export when the input holds several identities
  --force           replace an existing output
  --json            print {"written":[…],"warnings":[…]} on stdout

Examples:
  OUT_PW=… mtls-studio convert leaf.crt leaf.key chain.pem --to p12 --out client.p12 --out-password-env OUT_PW
  mtls-studio convert old-windows-export.pfx --to p12 --profile modern --out fixed.p12 --password-file in.txt --out-password-file out.txt
  mtls-studio convert client.p12 --to pem --out client.pem --no-key
  mtls-studio convert server.pfx --to acm --out ./acm-import --password-env PFX_PASSWORD`,

  async run(argv, output) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        to: { type: 'string' },
        out: { type: 'string' },
        profile: { type: 'string' },
        'password-env': { type: 'string' },
        'password-file': { type: 'string' },
        'out-password-env': { type: 'string' },
        'out-password-file': { type: 'string' },
        select: { type: 'string' },
        'no-key': { type: 'boolean' },
        force: { type: 'boolean' },
        json: { type: 'boolean' },
      },
      usage,
    );
    if (positionals.length === 0) throw new StudioError('USAGE', 'no input file given', { hint: usage });
    const format: OutputFormat = requireOne(values.to, FORMATS, '--to', usage);
    if (!values.out) throw new StudioError('USAGE', 'missing --out', { hint: usage });
    const profile: Pkcs12Profile = values.profile === undefined ? 'modern' : requireOne(values.profile, PROFILES, '--profile', usage);
    if (values.select !== undefined && !/^[0-9a-fA-F]{64}$/.test(values.select)) {
      throw new StudioError('USAGE', '--select takes the SHA-256 fingerprint of a certificate (64 hex digits)', { hint: usage });
    }

    const password = passwordFrom({ env: values['password-env'], file: values['password-file'] }, 'password');
    let outPassword = passwordFrom({ env: values['out-password-env'], file: values['out-password-file'] }, 'output password');
    const services = createServices();
    const { inspectionId } = await inspectWithPassword(services, positionals, password);
    if (format === 'p12') outPassword = await pkcs12OutputPassword(outPassword);

    const result = await services.files.export(
      {
        inspectionId,
        format,
        profile,
        includeKey: format === 'pem' && !values['no-key'],
        ...(outPassword === undefined ? {} : { outPassword }),
        ...(values.select === undefined ? {} : { select: values.select.toLowerCase() }),
      },
      values.out,
      { overwrite: values.force ?? false },
    );
    printWritten(output, result);
    return 0;
  },
};
