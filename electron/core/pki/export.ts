import { StudioError } from '../../common/errors';
import type { OutputFormat, Pkcs12Profile } from '../../common/dto/inspect';
import type { Bundle } from './model';
import { writePkcs12 } from './pkcs12';
import { orderedCertificates, selectCertificateChain, selectIdentity } from './select';
import { acmFiles, ACM_KEY_WARNING } from './write/acm';
import { certificateDer, privateKeyDer } from './write/der';
import { certificatesPem, privateKeyPem, UNENCRYPTED_KEY_WARNING } from './write/pem';
import { pkcs7Pem } from './write/pkcs7';
import { textBytes, type ExportPlan } from './write/plan';

export interface ExportRequest {
  format: OutputFormat;
  profile?: Pkcs12Profile;
  outPassword?: string;
  /** pem/der: also write the private key (p12 and acm always contain it) */
  includeKey?: boolean;
  /** sha256 of the certificate to export when the input holds several */
  select?: string;
  /** file-name stem for suggested names and the PKCS#12 friendlyName fallback */
  baseName: string;
}

/**
 * pem: certificates leaf → root (everything chain-ordered when no key is exported) and, with includeKey and
 *      a key in the input, the PKCS#8 key after them — encrypted (PBES2/AES-256) with outPassword, else in the clear + warning.
 *      A key-only input with includeKey gives the key alone (e.g. to turn a traditional key into PKCS#8).
 * der: the leaf certificate; with includeKey also `<name>.key.der` next to it (PKCS#8, or encrypted PKCS#8
 *      with outPassword), since one DER file holds one structure.
 * p7b: all certificates (chain order) as PEM `PKCS7`.
 * p12: key + leaf + chain, outPassword required.
 * acm: a folder for `aws acm import-certificate`.
 */
export function planExport(bundle: Bundle, request: ExportRequest): ExportPlan {
  const { baseName, outPassword } = request;
  switch (request.format) {
    case 'pem': {
      // includeKey asks for the key when there is one: a certificate-only input still exports its certificates
      if (!request.includeKey || bundle.privateKeys.length === 0) {
        const certs = request.select === undefined ? orderedCertificates(bundle) : selectCertificateChain(bundle, request.select);
        if (certs.length === 0) throw new StudioError('NO_CERTIFICATE', 'the input has no certificate', { hint: 'Add a certificate file, or include the key.' });
        return { layout: 'file', files: [{ name: `${baseName}.pem`, bytes: textBytes(certificatesPem(certs.map((c) => c.der))), containsPrivateKey: false }], warnings: [] };
      }
      const keyOnly = bundle.certificates.length === 0 && bundle.privateKeys.length === 1;
      const identity = keyOnly ? null : selectIdentity(bundle, request.select);
      const key = identity?.key ?? bundle.privateKeys[0]!;
      const certs = identity ? [identity.leaf, ...identity.chain].map((c) => c.der) : [];
      const text = certificatesPem(certs) + privateKeyPem(key.pkcs8, outPassword);
      return {
        layout: 'file',
        files: [{ name: `${baseName}.pem`, bytes: textBytes(text), containsPrivateKey: true }],
        warnings: outPassword === undefined ? [UNENCRYPTED_KEY_WARNING] : [],
      };
    }
    case 'der': {
      if (!request.includeKey) {
        const [leaf] = selectCertificateChain(bundle, request.select);
        return { layout: 'file', files: [{ name: `${baseName}.cer`, bytes: certificateDer(leaf!.der), containsPrivateKey: false }], warnings: [] };
      }
      const identity = selectIdentity(bundle, request.select);
      return {
        layout: 'file',
        files: [
          { name: `${baseName}.cer`, bytes: certificateDer(identity.leaf.der), containsPrivateKey: false },
          { name: `${baseName}.key.der`, bytes: privateKeyDer(identity.key.pkcs8, outPassword), containsPrivateKey: true, suffix: '.key.der' },
        ],
        warnings: outPassword === undefined ? [UNENCRYPTED_KEY_WARNING] : [],
      };
    }
    case 'p7b': {
      const certs = request.select === undefined ? orderedCertificates(bundle) : selectCertificateChain(bundle, request.select);
      if (certs.length === 0) throw new StudioError('NO_CERTIFICATE', 'the input has no certificate', { hint: 'Add certificate files to bundle.' });
      return { layout: 'file', files: [{ name: `${baseName}.p7b`, bytes: textBytes(pkcs7Pem(certs.map((c) => c.der))), containsPrivateKey: false }], warnings: [] };
    }
    case 'p12': {
      const identity = selectIdentity(bundle, request.select);
      if (outPassword === undefined) {
        throw new StudioError('PASSWORD_REQUIRED', 'a PKCS#12 file needs an output password', {
          hint: 'Give one with --out-password-env VAR or --out-password-file FILE (in the app: the password field).',
        });
      }
      const friendlyName = identity.leaf.friendlyName ?? identity.key.friendlyName ?? baseName;
      const bytes = writePkcs12({
        key: { pkcs8: identity.key.pkcs8, friendlyName },
        certificates: [
          { der: identity.leaf.der, friendlyName },
          ...identity.chain.map((item) => ({ der: item.der, ...(item.friendlyName === undefined ? {} : { friendlyName: item.friendlyName }) })),
        ],
        password: outPassword,
        profile: request.profile ?? 'modern',
      });
      return { layout: 'file', files: [{ name: `${baseName}.p12`, bytes, containsPrivateKey: true }], warnings: [] };
    }
    case 'acm':
      return { layout: 'folder', files: acmFiles(selectIdentity(bundle, request.select)), warnings: [ACM_KEY_WARNING] };
  }
}
