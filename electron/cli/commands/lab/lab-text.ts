import type { LabEndpoint, RunningLab } from '../../../core';
import { color } from '../../output';

/** The lab as people read it: files, a table of endpoints, what each one emulates, and commands to try. */

const CERT_REQUEST: Record<LabEndpoint['certificateRequest'], string> = {
  none: 'not requested',
  optional: 'requested, optional',
  required: 'requested, required',
};

const caList = (endpoint: LabEndpoint): string =>
  endpoint.certificateRequest === 'none' ? '' : endpoint.advertisedCaNames.length === 0 ? ', empty CA list' : `, CA list: ${endpoint.advertisedCaNames.join('; ')}`;

function table(endpoints: readonly LabEndpoint[]): string {
  const rows = endpoints.map((e) => [e.id, e.name, e.url, CERT_REQUEST[e.certificateRequest] + caList(e)]);
  const header = ['ID', 'NAME', 'URL', 'CLIENT CERTIFICATE'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  return [color.bold(line(header)), ...rows.map(line)].join('\n');
}

function details(endpoint: LabEndpoint): string {
  const port = new URL(endpoint.url).port;
  const lines = [color.bold(`${endpoint.name} (${endpoint.id})`), `  emulates: ${endpoint.emulates}`];
  if (endpoint.hostname) lines.push(`  host:     ${endpoint.hostname}  (--resolve ${endpoint.hostname}:${port}:127.0.0.1)`);
  for (const fact of endpoint.confirmed) lines.push(`  ${color.green('confirmed')}  ${fact}`);
  for (const guess of endpoint.assumed) lines.push(`  ${color.yellow('assumed')}    ${guess}`);
  return lines.join('\n');
}

const quote = (text: string): string => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);

function examples(lab: RunningLab): string {
  const { files } = lab;
  const at = (id: LabEndpoint['id']) => lab.endpoints.find((endpoint) => endpoint.id === id)!;
  const named = (endpoint: LabEndpoint) => {
    const port = new URL(endpoint.url).port;
    return { url: `https://${endpoint.hostname}:${port}/`, resolve: `${endpoint.hostname}:${port}:127.0.0.1` };
  };
  const alb = named(at('alb-verify'));
  const cloudFront = named(at('cloudfront-off'));
  const apigw = at('apigw-custom-domain');
  const client = `--cert ${quote(files.client.cert)} --key ${quote(files.client.key)}`;
  return [
    color.bold('Try:'),
    `  mtls-studio probe ${alb.url} --resolve ${alb.resolve} ${client} --ca ${quote(files.caCert)}`,
    `  mtls-studio probe ${alb.url} --resolve ${alb.resolve} --ca ${quote(files.caCert)}        # no certificate`,
    `  mtls-studio probe ${apigw.url} --cert ${quote(files.expiredClient.cert)} --key ${quote(files.expiredClient.key)} --ca ${quote(files.caCert)}`,
    `  mtls-studio probe ${cloudFront.url} --resolve ${cloudFront.resolve} ${client} --ca ${quote(files.caCert)}`,
    `  curl --resolve ${alb.resolve} --cacert ${quote(files.caCert)} ${client} ${alb.url}`,
    `  openssl s_client -connect 127.0.0.1:${new URL(at('alibaba-clb').url).port} -CAfile ${quote(files.caCert)} </dev/null   # acceptable CA names`,
  ].join('\n');
}

/** The trust store of the verifying endpoints, when --trust added CAs to the lab CA. */
function trustLines(lab: RunningLab): string[] {
  const names = lab.endpoints.find((endpoint) => endpoint.id === 'alb-verify')?.trustedCaNames ?? [];
  if (names.length <= 1) return [];
  return ['', 'Client trust store of the verifying endpoints (lab CA + --trust):', ...names.map((name) => `  ${name}`)];
}

export function formatLab(lab: RunningLab): string {
  const { files } = lab;
  return [
    color.bold(`mTLS Studio lab: ${lab.endpoints.length} endpoints on 127.0.0.1. Press Ctrl-C to stop.`),
    '',
    `Files in ${files.folder}:`,
    `  lab CA (trust it: --ca / --cacert)   ${files.caCert}`,
    `  client                              ${files.client.cert}  ${files.client.key}`,
    `  client with chain (leaf + lab CA)   ${files.client.chain}`,
    `  expired client                      ${files.expiredClient.cert}  ${files.expiredClient.key}`,
    `  client from an unknown CA           ${files.unknownCaClient.cert}  ${files.unknownCaClient.key}`,
    ...(files.intermediateClient && files.intermediateCaCert
      ? [
          `  lab intermediate CA                 ${files.intermediateCaCert}`,
          `  client of the intermediate          ${files.intermediateClient.cert}  ${files.intermediateClient.key}`,
          `  its chain (leaf + intermediate)     ${files.intermediateClient.chain}`,
        ]
      : []),
    ...trustLines(lab),
    '',
    table(lab.endpoints),
    '',
    lab.endpoints.map(details).join('\n\n'),
    '',
    `"${color.yellow('assumed')}" marks what the vendors do not document: the lab had to choose, the real service likely does the same.`,
    '',
    examples(lab),
  ].join('\n');
}
