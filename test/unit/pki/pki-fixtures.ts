import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openssl, opensslCaDatabase } from '../../helpers/openssl';

/** Files for the pki tests, generated with openssl at test time (nothing generated is committed). */

export const bytes = (file: string): Uint8Array => new Uint8Array(readFileSync(file));
export const text = (file: string): string => readFileSync(file, 'utf8');

/** `openssl x509 -noout …` of a PEM or DER certificate. */
export function x509(file: string, args: string[], inform: 'PEM' | 'DER' = 'PEM'): string {
  return openssl(['x509', '-in', file, '-inform', inform, '-noout', ...args]).trim();
}

export const subjectOf = (file: string, inform: 'PEM' | 'DER' = 'PEM') =>
  x509(file, ['-subject', '-nameopt', 'RFC2253,-esc_msb'], inform).replace(/^subject=/, '');
export const issuerOf = (file: string) => x509(file, ['-issuer', '-nameopt', 'RFC2253,-esc_msb']).replace(/^issuer=/, '');
export const serialOf = (file: string) => x509(file, ['-serial']).replace(/^serial=/, '').toLowerCase();
export const fingerprint = (file: string, alg: 'sha256' | 'sha1' = 'sha256', inform: 'PEM' | 'DER' = 'PEM') =>
  x509(file, ['-fingerprint', `-${alg}`], inform).split('=')[1]!.replace(/:/g, '').toLowerCase();
/** `notAfter=Jan  1 00:00:00 2030 GMT` → ISO string */
export const endDateOf = (file: string) => new Date(x509(file, ['-enddate']).replace(/^notAfter=/, '')).toISOString();
export const startDateOf = (file: string) => new Date(x509(file, ['-startdate']).replace(/^notBefore=/, '')).toISOString();
/** The public key of a key file as openssl prints it (PEM SPKI). */
export const pubkeyOf = (file: string, extra: string[] = []) => openssl(['pkey', '-in', file, '-pubout', ...extra]);

export const KEY_ALGS: Record<string, string[]> = {
  'rsa-1024': ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024'],
  'rsa-2048': ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
  'rsa-4096': ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:4096'],
  'p-256': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
  'p-384': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'],
  'p-521': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-521'],
  secp256k1: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:secp256k1'],
  ed25519: ['-algorithm', 'ED25519'],
  ed448: ['-algorithm', 'ED448'],
};

export function genKey(dir: string, name: string, alg: keyof typeof KEY_ALGS): string {
  const file = join(dir, `${name}.key`);
  openssl(['genpkey', ...KEY_ALGS[alg]!, '-out', file]);
  return file;
}

/** A self-signed certificate for an existing key. */
export function selfSigned(dir: string, name: string, key: string, subj: string, extra: string[] = []): string {
  const file = join(dir, `${name}.crt`);
  openssl(['req', '-x509', '-new', '-key', key, '-subj', subj, '-days', '30', '-utf8', '-out', file, ...extra]);
  return file;
}

const CA_EXTENSIONS = `[client]
basicConstraints = CA:FALSE
extendedKeyUsage = clientAuth
[server]
basicConstraints = CA:FALSE
extendedKeyUsage = serverAuth
`;

export interface OpensslCa {
  dir: string;
  cert: string;
  key: string;
  config: string;
  /** issues a certificate with `openssl ca`; dates as YYYYMMDDHHMMSSZ */
  issue(name: string, subj: string, options?: { startdate?: string; enddate?: string; extensions?: string; md?: string; keyAlg?: keyof typeof KEY_ALGS }): { cert: string; key: string };
  revoke(cert: string): void;
  crl(name: string): string;
}

/** A minimal `openssl ca` setup (for chosen validity dates, CRLs). */
export function makeOpensslCa(dir: string, subj = '/CN=Fixture CA'): OpensslCa {
  const config = opensslCaDatabase(dir, { crlDays: 7, extra: CA_EXTENSIONS });
  const key = genKey(dir, 'ca', 'p-256');
  const cert = join(dir, 'ca.crt');
  openssl(['req', '-x509', '-new', '-key', key, '-subj', subj, '-days', '3650', '-out', cert, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  return {
    dir,
    cert,
    key,
    config,
    issue(name, subj2, options = {}) {
      const leafKey = genKey(dir, name, options.keyAlg ?? 'p-256');
      const csr = join(dir, `${name}.csr`);
      openssl(['req', '-new', '-key', leafKey, '-subj', subj2, '-out', csr]);
      const out = join(dir, `${name}.crt`);
      openssl([
        'ca', '-batch', '-config', config, '-cert', cert, '-keyfile', key, '-in', csr, '-out', out, '-notext',
        '-extensions', options.extensions ?? 'client',
        ...(options.startdate ? ['-startdate', options.startdate] : []),
        ...(options.enddate ? ['-enddate', options.enddate] : ['-days', '365']),
        ...(options.md ? ['-md', options.md] : []),
      ]);
      return { cert: out, key: leafKey };
    },
    revoke(file) {
      openssl(['ca', '-config', config, '-cert', cert, '-keyfile', key, '-revoke', file]);
    },
    crl(name) {
      const out = join(dir, `${name}.crl`);
      openssl(['ca', '-gencrl', '-config', config, '-cert', cert, '-keyfile', key, '-out', out]);
      return out;
    },
  };
}
