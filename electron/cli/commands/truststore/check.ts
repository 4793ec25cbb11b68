import { StudioError } from '../../../common/errors';
import { TRUSTSTORE_TARGETS } from '../../../common/dto/truststore';
import { createServices } from '../../../core';
import { parseCommandArgs, requireOne } from '../../args';
import type { Command } from '../../command';
import { color, printJson } from '../../output';
import {
  hintingPasswordOptions,
  INPUT_PASSWORD_OPTIONS,
  INPUT_PASSWORD_USAGE,
  inputPassword,
} from '../chain/input-password';
import { reportLines, verdictLines } from './report-text';

const usage = `mtls-studio truststore check BUNDLE --target alb|apigw|cloudfront|clb-alibaba [--client-cert FILE]... ${INPUT_PASSWORD_USAGE} [--json]`;

export const checkCommand: Command = {
  name: 'check',
  summary: 'report every rule a bundle breaks, and whether client certificates would be accepted',
  help: `Usage: ${usage}

Reads BUNDLE as the target would (nothing is repaired) and reports every violation of the target's rules with
its fix: text rules (PEM only; for ALB no blank lines and '#' comments without '-'), non-CA certificates,
duplicates, counts and sizes, chain depth, missing intermediates, key and signature strength, expired CAs.
Rules the vendor does not document are reported as "likely" warnings.

For each --client-cert FILE (PEM, DER, PKCS#7 or PKCS#12; a chain after the leaf is used like the chain a
client sends), says whether it would be accepted: path validation for client authentication at the current time,
with the bundle's self-signed roots as trust anchors and its other CAs as intermediates (what 'openssl verify
-CAfile BUNDLE' does), then the target's depth limit and, for API Gateway, the client certificate's own algorithms.

Options:
  --target T          alb | apigw | cloudfront | clb-alibaba (required)
  --client-cert FILE  a client certificate to test; repeat for several
  --password-env VAR / --password-file FILE
                      the password of encrypted PKCS#12 inputs (bundle or client files; one for all;
                      never taken from the command line)
  --json              print {"target","passes","certificates":[…],"findings":[…],"clients":[{"source","accepted","path","findings"}],…}

Exit status: 0 the bundle passes and every client is accepted, 1 a violation or a rejected client, 2 bad input.

Examples:
  mtls-studio truststore check truststore.pem --target alb
  mtls-studio truststore check truststore.pem --target apigw --client-cert partner-a.pem --client-cert partner-b.crt
  mtls-studio truststore check bundle.pem --target cloudfront --json | jq '.findings[].code'
  P12_PW=… mtls-studio truststore check truststore.pem --target alb --client-cert partner.p12 --password-env P12_PW`,

  async run(argv, output) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        target: { type: 'string' },
        'client-cert': { type: 'string', multiple: true },
        ...INPUT_PASSWORD_OPTIONS,
        json: { type: 'boolean' },
      },
      usage,
    );
    if (positionals.length !== 1) {
      throw new StudioError(
        'USAGE',
        positionals.length === 0 ? 'no bundle given' : 'check takes one bundle',
        { hint: usage },
      );
    }
    const target = requireOne(values.target, TRUSTSTORE_TARGETS, '--target', usage);
    const clients = (values['client-cert'] ?? []).map((path) => ({ kind: 'file' as const, path }));
    const password = inputPassword(values);
    const result = await hintingPasswordOptions(() =>
      createServices().truststore.check(positionals[0]!, target, clients, { password }),
    );
    const failed = !result.passes || result.clients.some((client) => !client.accepted);
    if (output.json) printJson(output, result);
    else {
      const lines = reportLines(result);
      for (const verdict of result.clients) lines.push('', ...verdictLines(verdict));
      lines.push(
        '',
        result.passes
          ? color.green(`the bundle passes the ${target} rules`)
          : color.red(`the bundle breaks the ${target} rules`),
      );
      output.out(lines.join('\n'));
    }
    return failed ? 1 : 0;
  },
};
