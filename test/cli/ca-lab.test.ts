import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, cliWithHome } from '../helpers/cli';
import { useKeyring } from '../helpers/keyring';
import { openssl } from '../helpers/openssl';
import { useTempDir } from '../helpers/tmp';

/**
 * Issue 6, "done means": a client certificate our CA issues is accepted by the lab's ALB-verify emulation, the way
 * a user proves it — `ca create` a root and an intermediate, `ca issue` a client, start `mtls-studio lab --trust`
 * with our root, then `mtls-studio probe --identity`. A client of a CA the trust store does not hold is refused.
 */

const keyring = useKeyring();
const dir = useTempDir('mtls-ca-lab-');
const home = join(dir, 'home');
const f = (name: string) => join(dir, name);
const { cli, ok } = cliWithHome(home, keyring);

interface LabJson {
  endpoints: { id: string; port: number; hostname: string; trustedCaNames: string[] }[];
  files: { caCert: string };
}

let lab: ChildProcessWithoutNullStreams | null = null;
let labJson: LabJson;

async function startLabCli(args: string[]): Promise<LabJson> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const child = spawn(process.execPath, [CLI, 'lab', '--json', ...args], { env: { PATH: process.env.PATH ?? '', HOME: dir, MTLS_STUDIO_HOME: home }, stdio: ['pipe', 'pipe', 'pipe'] });
  lab = child;
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const until = Date.now() + 30_000;
  while (!stdout.includes('\n')) {
    if (Date.now() > until || child.exitCode !== null) throw new Error(`the lab did not start: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return JSON.parse(stdout.trim()) as LabJson;
}

/** `mtls-studio probe` against the ALB-verify emulation by its cloud-style name */
function probeAlb(identity: string) {
  const alb = labJson.endpoints.find((endpoint) => endpoint.id === 'alb-verify')!;
  const run = cli(['probe', `https://${alb.hostname}:${alb.port}/`, '--resolve', `${alb.hostname}:${alb.port}:127.0.0.1`, '--identity', identity, '--ca', labJson.files.caCert, '--timeout', '5000', '--json']);
  return { status: run.status, result: run.json() as { outcome: string; diagnosis: { code: string; detail: string }[]; http: { status: number; bodyPreview: string } | null; tls: { clientCertificatesSent: string[] } } };
}

beforeAll(async () => {
  ok(['ca', 'create', 'Onboarding Root', '--subject', 'CN=Onboarding Root CA,O=Studio Tests']);
  ok(['ca', 'create', 'Onboarding Issuing', '--parent', 'Onboarding Root', '--subject', 'CN=Onboarding Issuing CA,O=Studio Tests']);
  ok(['ca', 'issue', 'Onboarding Issuing', '--name', 'Partner Lab', '--type', 'client', '--subject', 'CN=Partner Lab,O=Partners']);
  ok(['ca', 'export-cert', 'Onboarding Root', '--out', f('root.pem')]);
  ok(['identity', 'export', 'Partner Lab', '--to', 'pem', '--no-key', '--out', f('partner-lab-chain.pem')]);
  // the control: a CA whose root is not in the lab's trust store
  ok(['ca', 'create', 'Stranger Root', '--subject', 'CN=Stranger Root CA,O=Elsewhere']);
  ok(['ca', 'issue', 'Stranger Root', '--name', 'Stranger', '--type', 'client', '--subject', 'CN=Stranger']);
  labJson = await startLabCli(['--folder', f('lab'), '--trust', f('root.pem')]);
}, 120_000);
afterAll(() => {
  lab?.kill('SIGKILL');
});

describe('our CA in the lab', () => {
  it('the lab trusts our root next to its own CA', () => {
    const alb = labJson.endpoints.find((endpoint) => endpoint.id === 'alb-verify')!;
    expect(alb.trustedCaNames).toEqual(['CN=mTLS Studio Lab CA,O=mTLS Studio Lab', 'CN=Onboarding Root CA,O=Studio Tests']);
  });

  it('ALB verify accepts the client we issued: success, MTLS_OK, and the backend sees our serial', () => {
    const { status, result } = probeAlb('Partner Lab');
    expect(status).toBe(0);
    expect(result.outcome).toBe('success');
    expect(result.diagnosis.map((finding) => finding.code)).toContain('MTLS_OK');
    // the vault identity's chain went with it: leaf, our intermediate and our root
    expect(result.tls.clientCertificatesSent).toHaveLength(3);
    const serial = openssl(['x509', '-in', f('partner-lab-chain.pem'), '-noout', '-serial']).trim().replace(/^serial=/, '');
    const echo = JSON.parse(result.http!.bodyPreview) as { headers: Record<string, string> };
    expect(echo.headers['X-Amzn-Mtls-Clientcert-Serial-Number']).toBe(serial.length % 2 ? `0${serial}` : serial);
    expect(echo.headers['X-Amzn-Mtls-Clientcert-Issuer']).toBe('CN=Onboarding Issuing CA,O=Studio Tests');
    expect(echo.headers['X-Amzn-Mtls-Clientcert-Subject']).toBe('CN=Partner Lab,O=Partners');
  });

  it('a client of a CA the trust store does not hold is refused at the handshake and attributed to its certificate', () => {
    const { status, result } = probeAlb('Stranger');
    expect(status).not.toBe(0);
    expect(result.outcome).toBe('tls-error');
    expect(result.http).toBeNull();
    expect(result.diagnosis[0]!.code).toBe('CLIENT_CERT_REJECTED');
    expect(result.diagnosis[0]!.detail).toContain('with no TLS alert and no HTTP response');
  });
});
