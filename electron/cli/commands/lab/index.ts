import { StudioError } from '../../../common/errors';
import { startLab, type RunningLab } from '../../../core';
import { parseCommandArgs } from '../../args';
import type { Command } from '../../command';
import type { Output } from '../../output';
import { formatLab } from './lab-text';

const usage = 'mtls-studio lab [--port BASE] [--folder DIR] [--trust FILE]... [--json]';

function basePort(text: string | undefined): number | 'ephemeral' {
  if (text === undefined) return 'ephemeral';
  if (!/^\d+$/.test(text)) throw new StudioError('USAGE', `--port must be a port number (got '${text}')`, { hint: usage });
  return Number(text);
}

/**
 * Resolves on the first SIGINT or SIGTERM (listening from the start, so a Ctrl-C during start-up is not lost);
 * `cancel` removes the handlers so a later Ctrl-C kills as usual.
 */
function listenForSignal(): { received: Promise<NodeJS.Signals>; cancel(): void } {
  let onSignal: (signal: NodeJS.Signals) => void = () => undefined;
  const cancel = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  const received = new Promise<NodeJS.Signals>((resolve) => {
    onSignal = (signal) => {
      cancel();
      resolve(signal);
    };
  });
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { received, cancel };
}

function announce(lab: RunningLab, output: Output): void {
  if (output.json) output.out(JSON.stringify({ endpoints: lab.endpoints, files: lab.files }));
  else output.out(formatLab(lab));
}

export const labCommand: Command = {
  name: 'lab',
  summary: 'start local emulations of ALB, API Gateway, CloudFront and CLB mTLS endpoints to learn and test with',
  help: `Usage: ${usage}

Starts, on 127.0.0.1 only, ten HTTPS endpoints that behave like the cloud services people put in front of
mutual TLS — ALB verify / passthrough / off, an API Gateway custom domain and its execute-api endpoint,
CloudFront viewer mTLS required / optional / off, an AWS Classic LB passing TLS through to an mTLS instance,
and an Alibaba Cloud CLB with mutual authentication — each in front of an echo backend that answers with the
headers its real counterpart would forward. It makes its own lab CA, a server certificate (also valid for
cloud-style host names, to use with --resolve), a client identity, an expired one, one from an unknown CA and
one issued by a lab intermediate CA. --trust adds CA certificates to the verifying endpoints' trust stores: test
whether the trust-store bundle you are about to upload accepts your partner's certificate.
Behaviours the vendors do not document are marked "assumed". Runs until Ctrl-C (SIGINT) or SIGTERM.

Options:
  --port BASE    listen on BASE … BASE+9 (default: free ports chosen by the system)
  --folder DIR   where the lab certificates and keys go (default: <data folder>/lab); kept between runs
                 while still valid; key files are written with mode 0600
  --trust FILE   CA certificates (PEM, DER or PKCS#7) that ALB verify, the API Gateway custom domain,
                 CloudFront required/optional, the Classic LB instance and Alibaba CLB trust besides the lab
                 CA; repeatable. ALB's limits apply: at most 25 CAs, each at most 16 KB, chains of at most 4
  --json         print {"endpoints":[…],"files":{…}} on one line, then keep running

Exit status: 0 stopped by a signal, 2 bad usage or the lab could not start (a port in use, a folder not
writable, a --trust file that is missing, holds no CA certificate, or is over ALB's limits).

Examples:
  mtls-studio lab
  mtls-studio lab --port 9440 --folder ./lab
  mtls-studio lab --trust partner-root.pem --trust partner-intermediate.pem
  mtls-studio lab --json > lab.json &`,

  async run(argv, output) {
    const { values, positionals } = parseCommandArgs(argv, { port: { type: 'string' }, folder: { type: 'string' }, trust: { type: 'string', multiple: true }, json: { type: 'boolean' } }, usage);
    if (positionals.length > 0) throw new StudioError('USAGE', `unexpected argument '${positionals[0]}'`, { hint: usage });
    const ports = basePort(values.port);
    const signal = listenForSignal();
    let lab: RunningLab;
    try {
      lab = await startLab({ ports, ...(values.folder === undefined ? {} : { folder: values.folder }), ...(values.trust ? { trust: values.trust } : {}) });
    } catch (error) {
      signal.cancel();
      throw error;
    }
    announce(lab, output);
    const received = await signal.received;
    await lab.stop();
    if (!output.json) output.note(`lab stopped (${received})`);
    return 0;
  },
};
