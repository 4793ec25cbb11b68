import { CHAIN_PURPOSES, type ChainPurpose } from '../../../common/dto/chain';
import { StudioError } from '../../../common/errors';
import { certificateLabels, loadChainFiles, verifyChain } from '../../../core';
import { parseCommandArgs, requireOne } from '../../args';
import type { Command } from '../../command';
import { printJson } from '../../output';
import { onePositional } from '../identity/positionals';
import { hintingPasswordOptions, INPUT_PASSWORD_OPTIONS, INPUT_PASSWORD_USAGE, inputPassword } from './input-password';
import { formatChainVerification } from './verify-text';

const usage = `mtls-studio chain verify CERT [--untrusted FILE]... --trust FILE... [--at ISO-DATE] [--purpose client|server|any] [--crl FILE]... ${INPUT_PASSWORD_USAGE} [--json]`;

function parseAt(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const at = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value) ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime())) throw new StudioError('USAGE', `--at must be an ISO date such as 2026-05-01 or 2026-05-01T12:00:00Z (got '${value}')`, { hint: usage });
  return at;
}

export const chainVerifyCommand: Command = {
  name: 'verify',
  summary: 'does this certificate chain up to a trusted CA? every candidate path, every RFC 5280 check',
  help: `Usage: ${usage}

Builds every path from CERT up to one of the --trust certificates (several CAs with the same name and
cross-signed CAs are all tried, preferring matching key identifiers) and checks each against RFC 5280:
signatures, validity at the given time, issuer/subject name chaining, basicConstraints cA and
pathLenConstraint, keyUsage keyCertSign on issuers, extendedKeyUsage for the purpose, and — with --crl —
revocation (the CRL's signature, its issuer's cRLSign, thisUpdate/nextUpdate, revoked serials). The first
path that passes makes the chain valid; otherwise each failure of the closest path is reported with a code.

Files may be PEM (any number of blocks), DER, PKCS#7 (.p7b) or PKCS#12 (.p12/.pfx). Extra certificates in
CERT's file count as --untrusted intermediates.

Options:
  --untrusted FILE   intermediates (repeatable); extras are ignored
  --trust FILE       trusted root (or intermediate) CA certificates (repeatable, at least one)
  --at ISO-DATE      check validity at this time instead of now (2026-05-01 or 2026-05-01T12:00:00Z)
  --purpose P        client, server or any (default any): requires the extendedKeyUsage clientAuth/serverAuth
  --crl FILE         CRLs to check revocation against (repeatable); certificates whose issuer has no CRL
                     among them get a REVOCATION_NOT_CHECKED warning
  --password-env VAR / --password-file FILE
                     the password of encrypted PKCS#12 inputs (one for all; never taken from the command line)
  --json             print {"valid","path":[sha256 leaf→anchor],"findings":[{code,severity,message,hint,certificateSha256}]}

Exit status: 0 valid, 1 invalid, 2 unreadable input or bad usage.

Examples:
  mtls-studio chain verify client.crt --untrusted issuing-ca.crt --trust root-ca.crt --purpose client
  mtls-studio chain verify fullchain.pem --trust roots.pem --at 2027-01-15
  mtls-studio chain verify client.crt --untrusted chain.p7b --trust root.crt --crl issuing.crl --crl root.crl
  mtls-studio chain verify client.crt --trust truststore.pem --json | jq -r '.findings[].code'
  P12_PW=… mtls-studio chain verify client.p12 --trust root-ca.crt --password-env P12_PW`,

  async run(argv, output) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        untrusted: { type: 'string', multiple: true },
        trust: { type: 'string', multiple: true },
        crl: { type: 'string', multiple: true },
        at: { type: 'string' },
        purpose: { type: 'string' },
        ...INPUT_PASSWORD_OPTIONS,
        json: { type: 'boolean' },
      },
      usage,
    );
    const leafPath = onePositional(positionals, 'CERT', usage);
    const trust = values.trust ?? [];
    if (trust.length === 0) throw new StudioError('USAGE', 'missing --trust: give at least one trusted CA certificate file', { hint: usage });
    const purpose: ChainPurpose = values.purpose === undefined ? 'any' : requireOne(values.purpose, CHAIN_PURPOSES, '--purpose', usage);
    const at = parseAt(values.at);
    const password = inputPassword(values);
    const files = await hintingPasswordOptions(() =>
      loadChainFiles({ leaf: leafPath, untrusted: values.untrusted ?? [], trust, crls: values.crl ?? [] }, { password }),
    );
    const result = await verifyChain({
      leaf: files.leaf,
      untrusted: files.untrusted,
      anchors: files.anchors,
      purpose,
      ...(at ? { at } : {}),
      ...(values.crl ? { crls: files.crls } : {}),
    });
    if (output.json) {
      printJson(output, {
        valid: result.valid,
        path: result.path,
        findings: result.findings.map(({ code, severity, message, hint, certificateSha256 }) => ({ code, severity, message, hint, certificateSha256: certificateSha256 ?? null })),
      });
    } else {
      const anchors = new Set(certificateLabels(files.anchors).keys());
      output.out(formatChainVerification(result, certificateLabels([files.leaf, ...files.untrusted, ...files.anchors]), anchors));
    }
    return result.valid ? 0 : 1;
  },
};
