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
import { reportLines } from './report-text';

const usage = `mtls-studio truststore build CA_FILE... --target alb|apigw|cloudfront|clb-alibaba --out FILE ${INPUT_PASSWORD_USAGE} [--force] [--json]`;

export const buildCommand: Command = {
  name: 'build',
  summary: 'write a CA bundle that passes a target’s trust-store rules',
  help: `Usage: ${usage}

Reads the CA files (PEM, DER, PKCS#7, PKCS#12), leaves out client/server certificates and duplicates (each with
a finding), orders the CAs (each root followed by the CAs it issued: parents before children), and writes PEM
with LF line ends, no blank lines and no comments. The bundle is written (atomically, mode 0644: it is public)
only when it passes every rule of the target; otherwise the violations are printed, each with its fix, and
nothing is written. An existing --out file is kept unless --force is given. CRLs given are not written into
the bundle: ALB takes them separately (aws elbv2 add-trust-store-revocations), the other targets do not use them.

Targets and the rules applied:
  alb          PEM only, no blank lines, '#' comments without '-', at most 25 CAs, 16 KB per CA, chain depth 4, 30 CRLs
  apigw        CAs signed with SHA-256 or stronger, RSA >= 2048 / ECDSA >= P-256, every intermediate's issuer included, depth 4
  cloudfront   at most 64 KB and 25 certificates, RSA 2048/3072/4096 or ECDSA P-256/P-384, depth 4
  clb-alibaba  one client-CA certificate per upload (likely: several are refused or only the first used); weak
               keys and MD5/SHA-1 signatures likely refused (warnings)

Options:
  --target T   the service the bundle is for (required)
  --out FILE   where to write the bundle (required)
  --password-env VAR / --password-file FILE
               the password of encrypted PKCS#12 CA files (one for all inputs; never taken from the command
               line); a wrong one is WRONG_PASSWORD and nothing is written
  --force      replace an existing FILE
  --json       print {"target","passes","written","certificates":[…],"findings":[…],"bundleBytes","limits"}

Exit status: 0 written, 1 violations left (nothing written), 2 bad input or usage.

Examples:
  mtls-studio truststore build root-ca.pem issuing-ca.cer --target alb --out alb-truststore.pem
  mtls-studio truststore build partners.p7b --target apigw --out truststore.pem --json
  mtls-studio truststore build root.pem intermediate.pem --target cloudfront --out cf-trust.pem --force
  mtls-studio truststore build ca.crt --target clb-alibaba --out clb-client-ca.pem
  P12_PW=… mtls-studio truststore build partner-ca.p12 --target alb --out alb-truststore.pem --password-env P12_PW`,

  async run(argv, output) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        target: { type: 'string' },
        out: { type: 'string' },
        ...INPUT_PASSWORD_OPTIONS,
        force: { type: 'boolean' },
        json: { type: 'boolean' },
      },
      usage,
    );
    if (positionals.length === 0) throw new StudioError('USAGE', 'no CA file given', { hint: usage });
    const target = requireOne(values.target, TRUSTSTORE_TARGETS, '--target', usage);
    const outPath = values.out;
    if (!outPath) throw new StudioError('USAGE', 'missing --out', { hint: usage });
    const password = inputPassword(values);
    const result = await hintingPasswordOptions(() =>
      createServices().truststore.build({ target, files: positionals, vaultCas: [] }, outPath, {
        overwrite: values.force ?? false,
        password,
      }),
    );
    if (output.json) printJson(output, result);
    else {
      output.out(reportLines(result).join('\n'));
      output.out(
        result.written === null
          ? color.red('\nnot written: fix the errors above first')
          : `\nwrote ${result.written}`,
      );
    }
    return result.written === null ? 1 : 0;
  },
};
