import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { reproduceCommands } from '../../../electron/core/probe/report/reproduce';

/** The curl and s_client command lines: placeholders for files, variables for passwords, shell-safe quoting. */

/** what a POSIX shell makes of a command line (printf '%s\n' "$@" after word splitting) */
function words(command: string): string[] {
  const run = spawnSync('sh', ['-c', `set -- ${command}; printf '%s\\n' "$@"`], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', P12_PASSWORD: 'should-not-be-needed' } });
  return run.stdout.split('\n').slice(0, -1);
}

describe('reproduceCommands', () => {
  it('quotes headers and bodies so the shell passes them unchanged, and redacts credentials', () => {
    const { curl } = reproduceCommands({
      request: {
        url: 'https://api.example.com/a b?x=1',
        method: 'post',
        headers: [['X-Note', "it's \"quoted\" $HOME"], ['Authorization', 'Bearer secret-value']],
        body: { text: '{"a": "it\'s"}' },
        identity: { kind: 'files', certPath: '/home/me/certs/client.pem', keyPath: '/home/me/certs/client.key', keyPassword: 'hunter2' },
        caFiles: ['/etc/partner/ca bundle.pem'],
      },
      url: new URL('https://api.example.com/a b?x=1'),
      address: '203.0.113.7',
      servername: 'api.example.com',
      passwordEnv: { key: 'MY_KEY_PW' },
      sendsChain: false,
    });
    expect(curl).not.toContain('hunter2');
    expect(curl).not.toContain('secret-value');
    expect(curl).not.toContain('/home/me');
    const argv = words(curl.replace('"$MY_KEY_PW"', 'KEYPW'));
    expect(argv).toEqual([
      'curl', '-v', '--http1.1', '-X', 'POST', '--resolve', 'api.example.com:443:203.0.113.7',
      '-H', `X-Note: it's "quoted" $HOME`, '-H', 'Authorization: Bearer <redacted>',
      '--data-binary', '{"a": "it\'s"}', '--cert', 'client.pem', '--key', 'client.key', '--pass', 'KEYPW',
      '--cacert', 'ca bundle.pem', '--tlsv1.2', '--max-time', '10', 'https://api.example.com/a%20b?x=1',
    ]);
  });

  it('pins SNI and address like curl --resolve + Host, IPv6 in brackets, TLS versions and P12 passwords as variables', () => {
    const { curl, openssl } = reproduceCommands({
      request: { url: 'https://[2001:db8::1]:8443/', identity: { kind: 'pkcs12', path: 'C:\\x\\partner.p12', password: 'pw' }, tlsMin: '1.3', tlsMax: '1.3', servername: 'api.internal', insecure: true },
      url: new URL('https://[2001:db8::1]:8443/'),
      address: '2001:db8::1',
      servername: 'api.internal',
      sendsChain: true,
    });
    expect(curl).toContain('--resolve api.internal:8443:[2001:db8::1]');
    expect(curl).toContain("-H 'Host: [2001:db8::1]:8443'");
    expect(curl).toContain('--cert-type P12 --cert "partner.p12:$P12_PASSWORD"');
    expect(curl).toContain('--insecure --tlsv1.3');
    expect(curl).toContain('https://api.internal:8443/');
    expect(openssl).toContain('-connect [2001:db8::1]:8443 -servername api.internal');
    expect(openssl).toContain('-pass env:P12_PASSWORD -cert_chain partner.p12');
    expect(openssl).toContain('-tls1_3');
    expect(`${curl} ${openssl}`).not.toMatch(/\bpw\b/);
  });
});
