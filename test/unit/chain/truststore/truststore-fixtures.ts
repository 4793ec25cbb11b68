import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openssl } from '../../../helpers/openssl';

/** Certificates for the trust-store tests, made by the real openssl at test time. */

export type KeySpec = 'ec256' | 'ec384' | 'ec521' | 'rsa1024' | 'rsa2048';

const KEY_ARGS: Record<KeySpec, string[]> = {
  ec256: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
  ec384: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'],
  ec521: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-521'],
  rsa1024: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024'],
  rsa2048: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
};

export interface MadeCert {
  cert: string;
  key: string;
  name: string;
}

export interface CertOptions {
  issuer?: MadeCert;
  key?: KeySpec;
  md?: 'sha256' | 'sha1' | 'md5';
  days?: number;
  /** a leaf (client) certificate instead of a CA */
  leaf?: boolean;
  /** no extensions at all: the v1 root `openssl x509 -req -signkey` makes (seed 003) */
  v1?: boolean;
  /** this many DNS names in the subjectAltName, to make a large certificate */
  bigSan?: number;
}

let serial = 1;

export function makeCert(dir: string, name: string, options: CertOptions = {}): MadeCert {
  const f = (suffix: string) => join(dir, `${name}${suffix}`);
  openssl(['genpkey', ...KEY_ARGS[options.key ?? 'ec256'], '-out', f('.key')]);
  const sections = [
    '[ca]',
    'basicConstraints=critical,CA:TRUE',
    'keyUsage=critical,keyCertSign,cRLSign',
    'subjectKeyIdentifier=hash',
    'authorityKeyIdentifier=keyid:always',
    ...(options.bigSan
      ? [
          `subjectAltName=${Array.from({ length: options.bigSan }, (_, i) => `DNS:host-${i}.large-certificate.example`).join(',')}`,
        ]
      : []),
    '[leaf]',
    'basicConstraints=CA:FALSE',
    'keyUsage=critical,digitalSignature',
    'extendedKeyUsage=clientAuth',
    'subjectKeyIdentifier=hash',
    'authorityKeyIdentifier=keyid:always',
  ];
  writeFileSync(f('.cnf'), `${sections.join('\n')}\n`);
  const subject = `/CN=${name}/O=Trust Store Tests`;
  const md = `-${options.md ?? 'sha256'}`;
  const days = String(options.days ?? 3650);
  const extensions = options.v1 ? [] : ['-extfile', f('.cnf'), '-extensions', options.leaf ? 'leaf' : 'ca'];
  openssl(['req', '-new', '-key', f('.key'), '-subj', subject, '-out', f('.csr')]);
  // issued by the given CA, else self-signed with its own key
  const signer = options.issuer ? ['-CA', options.issuer.cert, '-CAkey', options.issuer.key] : ['-signkey', f('.key')];
  openssl(['x509', '-req', md, '-in', f('.csr'), ...signer, '-set_serial', String(serial++), '-days', days, '-out', f('.pem'), ...extensions]);
  return { cert: f('.pem'), key: f('.key'), name };
}

export const DAY_MS = 86_400_000;
