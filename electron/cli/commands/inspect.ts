import { StudioError } from '../../common/errors';
import { createServices } from '../../core';
import { parseCommandArgs } from '../args';
import type { Command } from '../command';
import { formatInspectReport } from '../format-report';
import { printJson } from '../output';
import { inspectWithPassword } from '../read-with-password';
import { passwordFrom } from '../secrets';

const usage = 'mtls-studio inspect FILE... [--password-env VAR | --password-file FILE] [--json]';

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'read certificate, key, PKCS#7 and PKCS#12 files and explain what they hold',
  help: `Usage: ${usage}

Reads every file given (PEM with any number of blocks, DER, PKCS#7, PKCS#8, OpenSSL traditional keys,
PKCS#12 of any vintage), detects formats by content, pairs keys with certificates, orders chains, and
lists findings (expired, weak key or signature, missing clientAuth, incomplete chain, …).

Options:
  --password-env VAR    read the password of encrypted inputs from environment variable VAR
  --password-file FILE  read it from FILE (first line)
  --json                print the report as JSON on stdout

Without a password option, a terminal prompts for one when a file needs it.
Exit status: 0 no error-level finding, 1 at least one error-level finding, 2 unreadable input or bad usage.

Examples:
  mtls-studio inspect client.p12
  mtls-studio inspect leaf.crt leaf.key chain.pem
  P12_PASSWORD=… mtls-studio inspect partner.pfx --password-env P12_PASSWORD --json | jq '.findings'`,

  async run(argv, output) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { 'password-env': { type: 'string' }, 'password-file': { type: 'string' }, json: { type: 'boolean' } },
      usage,
    );
    if (positionals.length === 0) throw new StudioError('USAGE', 'no input file given', { hint: usage });
    const password = passwordFrom({ env: values['password-env'], file: values['password-file'] }, 'password');
    const now = new Date();
    const { report } = await inspectWithPassword(createServices({ now: () => now }), positionals, password);
    if (output.json) printJson(output, report);
    else output.out(formatInspectReport(report, now));
    return report.findings.some((finding) => finding.severity === 'error') ? 1 : 0;
  },
};
