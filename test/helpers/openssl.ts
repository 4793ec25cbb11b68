import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface OpensslOptions {
  cwd?: string;
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  /** also return what openssl wrote to stderr (`pkcs12 -info` prints its MAC and cipher lines there) */
  withStderr?: boolean;
}

/** Runs the real openssl binary; throws with its stderr on failure. */
export function openssl(args: string[], options: OpensslOptions = {}): string {
  const run = spawnSync('openssl', args, {
    cwd: options.cwd,
    input: options.input,
    env: { ...process.env, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const stderr = run.stderr?.toString('utf8') ?? '';
  if (run.error || run.status !== 0) {
    throw new Error(`openssl ${args.join(' ')} failed: ${stderr || run.error?.message}`, { cause: run.error });
  }
  const stdout = run.stdout.toString('utf8');
  return options.withStderr ? stdout + stderr : stdout;
}

/** `openssl x509 -fingerprint -sha256` of a PEM/DER certificate file, as lowercase hex without colons. */
export function opensslFingerprint(certFile: string, inform: 'PEM' | 'DER' = 'PEM'): string {
  const out = openssl(['x509', '-in', certFile, '-inform', inform, '-noout', '-fingerprint', '-sha256']);
  return out.split('=')[1]!.trim().replace(/:/g, '').toLowerCase();
}

export interface TestPki {
  dir: string;
  rootCert: string;
  rootKey: string;
  intermediateCert: string;
  intermediateKey: string;
  leafCert: string;
  leafKey: string;
}

const EXT = `
[ca]
basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid:always
[leaf]
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth
subjectAltName=DNS:client.example.com,email:client@example.com
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid:always
`;

/**
 * Root → intermediate → client leaf, generated with openssl at test time.
 * `keyAlg` is an openssl genpkey algorithm spec, e.g. ['-algorithm','EC','-pkeyopt','ec_paramgen_curve:P-256'].
 */
export function makeTestPki(dir: string, keyAlg: string[] = ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], leafCn = 'Test Client'): TestPki {
  const f = (name: string) => join(dir, name);
  writeFileSync(f('ext.cnf'), EXT);
  for (const name of ['root', 'intermediate', 'leaf']) openssl(['genpkey', ...keyAlg, '-out', f(`${name}.key`)]);
  openssl(['req', '-x509', '-new', '-key', f('root.key'), '-subj', '/CN=Test Root CA/O=mTLS Studio Tests', '-days', '3650', '-out', f('root.crt'), '-config', f('ext.cnf'), '-extensions', 'ca']);
  openssl(['req', '-new', '-key', f('intermediate.key'), '-subj', '/CN=Test Intermediate CA/O=mTLS Studio Tests', '-out', f('intermediate.csr')]);
  openssl(['x509', '-req', '-in', f('intermediate.csr'), '-CA', f('root.crt'), '-CAkey', f('root.key'), '-CAcreateserial', '-days', '1825', '-out', f('intermediate.crt'), '-extfile', f('ext.cnf'), '-extensions', 'ca']);
  openssl(['req', '-new', '-utf8', '-key', f('leaf.key'), '-subj', `/CN=${leafCn}/O=mTLS Studio Tests`, '-out', f('leaf.csr')]);
  openssl(['x509', '-req', '-in', f('leaf.csr'), '-CA', f('intermediate.crt'), '-CAkey', f('intermediate.key'), '-CAcreateserial', '-days', '365', '-out', f('leaf.crt'), '-extfile', f('ext.cnf'), '-extensions', 'leaf']);
  return {
    dir,
    rootCert: f('root.crt'),
    rootKey: f('root.key'),
    intermediateCert: f('intermediate.crt'),
    intermediateKey: f('intermediate.key'),
    leafCert: f('leaf.crt'),
    leafKey: f('leaf.key'),
  };
}

export const readBytes = (file: string): Uint8Array => new Uint8Array(readFileSync(file));
