import { spawn } from 'node:child_process';

/**
 * `openssl s_client` as the oracle for the handshake tap: what it prints under "Acceptable client certificate
 * CA names" (or "No client certificate CA names sent"), with names in RFC 2253 form and UTF-8 left as is.
 */

export interface SClientView {
  /** null when s_client printed neither line (the server never asked) */
  acceptableCAs: string[] | null;
  output: string;
}

/** Everything `openssl s_client` printed (stdout and stderr) for one handshake, after which it hangs up. */
export function sClientOutput(host: string, port: number, version: '1.2' | '1.3', servername = 'localhost'): Promise<string> {
  const args = ['s_client', '-connect', `${host}:${port}`, '-servername', servername, '-nameopt', 'RFC2253,-esc_msb', version === '1.3' ? '-tls1_3' : '-tls1_2'];
  return new Promise((resolve, reject) => {
    const child = spawn('openssl', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    // let the handshake (and TLS 1.3's late CertificateRequest processing) finish, then hang up
    setTimeout(() => child.stdin.end(), 500);
    child.once('error', reject);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(output);
    });
  });
}

export async function sClientCaNames(host: string, port: number, version: '1.2' | '1.3', servername = 'localhost'): Promise<SClientView> {
  const output = await sClientOutput(host, port, version, servername);
  if (/Cipher is \(NONE\)/.test(output)) return { acceptableCAs: null, output };
  if (/No client certificate CA names sent/.test(output)) return { acceptableCAs: [], output };
  const match = /Acceptable client certificate CA names\n([\s\S]*?)\n(?=Requested Signature Algorithms|Client Certificate Types|Shared Requested|Peer signing digest|---)/.exec(output);
  return { acceptableCAs: match ? match[1]!.split('\n').filter((line) => line.length > 0) : null, output };
}
