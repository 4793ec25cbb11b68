import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/**
 * An `openssl ca` database in `dir` (index, serial, CRL number, a folder for issued certificates) and its config,
 * for certificates with exact dates and for CRLs. `extra` is appended to the config (extension sections).
 * Returns the config file's path.
 */
export function opensslCaDatabase(dir: string, options: { crlDays: number; extra?: string }): string {
  mkdirSync(join(dir, 'issued'), { recursive: true });
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  writeFileSync(join(dir, 'crlnumber'), '01\n');
  const config = join(dir, 'ca.cnf');
  writeFileSync(
    config,
    `[ca]
default_ca = test_ca
[test_ca]
dir = ${dir}
database = ${dir}/index.txt
new_certs_dir = ${dir}/issued
serial = ${dir}/serial
crlnumber = ${dir}/crlnumber
default_md = sha256
policy = anything
unique_subject = no
copy_extensions = none
default_crl_days = ${options.crlDays}
[anything]
commonName = supplied
organizationName = optional
${options.extra ?? ''}`,
  );
  return config;
}

/** x509v3 extension lines the test PKIs share; `extensionConfig` turns named sections of them into an openssl config */
export const EXTENSION_LINES = {
  ca: ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign,cRLSign', 'subjectKeyIdentifier=hash', 'authorityKeyIdentifier=keyid:always'],
  /** a leaf's constraints and key usage; add its extendedKeyUsage (and names) */
  leaf: ['basicConstraints=CA:FALSE', 'keyUsage=critical,digitalSignature'],
  keyIds: ['subjectKeyIdentifier=hash', 'authorityKeyIdentifier=keyid:always'],
};

/** `[name]` sections for `-extfile … -extensions name` */
export function extensionConfig(sections: Record<string, string[]>): string {
  return Object.entries(sections)
    .map(([name, lines]) => `[${name}]\n${lines.join('\n')}\n`)
    .join('');
}

const EXT = extensionConfig({
  ca: EXTENSION_LINES.ca,
  leaf: [...EXTENSION_LINES.leaf, 'extendedKeyUsage=clientAuth', 'subjectAltName=DNS:client.example.com,email:client@example.com', ...EXTENSION_LINES.keyIds],
});

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
