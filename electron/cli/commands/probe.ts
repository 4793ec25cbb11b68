import { isStudioError } from '../../common/errors';
import type { ProbeRequest, ProbeResult } from '../../common/dto/probe';
import type { Services } from '../../core';
import type { Command } from '../command';
import { color, printJson } from '../output';
import { canPrompt, promptHidden } from '../secrets';
import { vaultServices } from '../vault-services';
import { parseProbeArgs, PROBE_USAGE, type ProbeInvocation } from './probe-args';
import { formatProbeResult } from './probe-text';

const MAX_PROMPTS = 3;

/** Runs the probe; an encrypted key or .p12 without a password option asks on a terminal (three tries). */
async function runWithPassword(services: Services, invocation: ProbeInvocation): Promise<ProbeResult> {
  let request: ProbeRequest = invocation.request;
  const options = { passwordEnv: invocation.passwordEnv };
  for (let attempt = 0; ; attempt++) {
    try {
      return await services.probe.run(request, options);
    } catch (error) {
      const mayAsk = invocation.promptFor !== null && canPrompt() && attempt < MAX_PROMPTS;
      if (!mayAsk || !isStudioError(error) || !['PASSWORD_REQUIRED', 'WRONG_PASSWORD'].includes(error.code)) throw error;
      if (error.code === 'WRONG_PASSWORD') process.stderr.write('wrong password, try again\n');
      const identity = request.identity!;
      const password = await promptHidden(`Password for ${identity.kind === 'pkcs12' ? `'${identity.path}'` : identity.kind === 'files' ? `'${identity.keyPath}'` : 'the identity'}: `);
      if (identity.kind === 'pkcs12') request = { ...request, identity: { ...identity, password } };
      else if (identity.kind === 'files') request = { ...request, identity: { ...identity, keyPassword: password } };
    }
  }
}

export const probeCommand: Command = {
  name: 'probe',
  summary: 'make an HTTPS request with a client certificate and explain the handshake and any failure',
  help: `Usage: ${PROBE_USAGE}

Makes the request, shows the whole handshake — did the server ask for a client certificate, which CAs it
accepts, what we sent, which alert came back — and explains every failure with a next step. Also prints the
same request as curl and openssl s_client command lines.

Identity (one of):
  --identity NAME             an identity from the vault (mtls-studio identity list)
  --cert FILE --key FILE      certificate (with its chain) and key files; --key-password-env VAR for an encrypted key
  --p12 FILE                  a PKCS#12 file (any vintage); --password-env VAR for its password
Trust and connection:
  --ca FILE                   trust these CAs for the server certificate instead of the system roots (repeatable)
  --insecure                  go on when the server certificate does not verify (reported as a finding)
  --servername NAME           SNI and the name the server certificate must carry (default: the URL's host)
  --resolve HOST:PORT:ADDR    use ADDR (comma-separated list allowed) instead of DNS, like curl (repeatable)
  --all-addresses             probe every resolved address with the same SNI and compare them
  --tls-min 1.2|1.3           lowest TLS version to offer (default 1.2)
  --tls-max 1.2|1.3           highest TLS version to offer (default 1.3)
  --timeout MS                per request (default 10000)
Request:
  -X METHOD                   HTTP method (default GET, or POST with --data)
  -H 'Name: value'            request header (repeatable)
  --data TEXT|@FILE           request body, or @ and a file to send
Output:
  --target auto|alb|apigw|cloudfront|clb|generic   the kind of endpoint (default auto: detected and reported)
  --repeat N [--concurrency C]   N requests, C at a time: success rate, latency percentiles, errors by code and address
  --report FILE.md            also write the report (Markdown; .json for JSON), secrets redacted
  --json                      print the result as JSON on stdout

Exit status: 0 the request succeeded with no error-level finding, 1 a problem was found, 2 bad input or usage.

Examples:
  mtls-studio probe https://api.partner.example/health --cert client.crt --key client.key
  P12_PW=… mtls-studio probe https://api.example.com/ --p12 client.p12 --password-env P12_PW --report ticket.md
  mtls-studio probe https://my-alb-123.eu-west-1.elb.amazonaws.com/ --identity "Partner A" --all-addresses
  mtls-studio probe https://api.example.com/orders -X POST -H 'Content-Type: application/json' --data @order.json --cert c.pem --key k.pem --json`,

  async run(argv, output) {
    const invocation = parseProbeArgs(argv);
    const services = vaultServices();
    const result = await runWithPassword(services, invocation);
    if (invocation.reportPath !== undefined) {
      const written = services.probe.writeReport(result, invocation.reportPath);
      if (!output.json) output.note(color.dim(`report written to ${written}`));
    }
    if (output.json) printJson(output, result);
    else output.out(formatProbeResult(result));
    const failedRepeats = result.repeat !== null && result.repeat.failed > 0;
    const ok = result.outcome === 'success' && !result.diagnosis.some((finding) => finding.severity === 'error') && !failedRepeats;
    return ok ? 0 : 1;
  },
};
