import { X509Certificate } from 'node:crypto';
import { StudioError } from '../../common/errors';
import { readInputFile } from '../io/input-files';
import { encodePem, readContent } from '../pki';

/**
 * The CA certificates a user adds to the lab's client trust stores with `--trust` (PEM, DER or PKCS#7 files, read
 * like any other certificate file): the bundle they are about to upload to ALB, API Gateway or CloudFront. The
 * verifying endpoints trust the lab CA plus these. ALB refuses a trust-store bundle over its limits when it is
 * created, so the lab refuses to start with one (DOMAIN.md: at most 25 CA certificates, each at most 16 KB).
 */

export interface TrustedCa {
  der: Uint8Array;
  pem: string;
  /** RFC 2253, as openssl -nameopt RFC2253 prints it */
  name: string;
  source: string;
}

export const ALB_MAX_CAS = 25;
export const ALB_MAX_CA_BYTES = 16 * 1024;

const rfc2253 = (cert: X509Certificate): string => cert.subject.split('\n').reverse().join(',');

const HINT = 'Check the bundle with `mtls-studio truststore check FILE --target alb`, and pass only CA certificates with --trust.';

async function readTrustFile(path: string): Promise<TrustedCa[]> {
  const { bytes } = await readInputFile(path);
  const certificates = readContent(bytes, path).certificates;
  if (certificates.length === 0) {
    throw new StudioError('INVALID_ARGUMENT', `'${path}' holds no certificate`, { hint: 'Give a PEM, DER or PKCS#7 file of CA certificates with --trust.', params: { file: path } });
  }
  return certificates.map(({ der }) => {
    const cert = new X509Certificate(Buffer.from(der));
    if (!cert.ca) {
      throw new StudioError('INVALID_ARGUMENT', `'${path}' holds '${rfc2253(cert)}', which is not a CA certificate (basicConstraints cA is not set)`, {
        hint: 'Trust stores hold the CA certificates that issued client certificates, not the client certificates themselves.',
        params: { file: path },
      });
    }
    return { der, pem: encodePem('CERTIFICATE', der), name: rfc2253(cert), source: path };
  });
}

/** ALB's limits on the uploaded bundle (the lab CA is the lab's own and is not counted). */
function checkAlbLimits(cas: readonly TrustedCa[]): void {
  if (cas.length > ALB_MAX_CAS) {
    throw new StudioError('INVALID_ARGUMENT', `the --trust files hold ${cas.length} CA certificates; an ALB trust store takes at most ${ALB_MAX_CAS}`, { hint: HINT, params: { count: cas.length, limit: ALB_MAX_CAS } });
  }
  const large = cas.find((ca) => Buffer.byteLength(ca.pem) > ALB_MAX_CA_BYTES);
  if (large) {
    throw new StudioError('INVALID_ARGUMENT', `'${large.name}' from '${large.source}' is ${Buffer.byteLength(large.pem)} bytes as PEM; ALB takes CA certificates of at most ${ALB_MAX_CA_BYTES} bytes`, {
      hint: HINT,
      params: { file: large.source, limit: ALB_MAX_CA_BYTES },
    });
  }
}

/** Reads every --trust file; the same certificate given twice is kept once. */
export async function loadTrustedCas(paths: readonly string[]): Promise<TrustedCa[]> {
  const seen = new Set<string>();
  const cas: TrustedCa[] = [];
  for (const path of paths) {
    for (const ca of await readTrustFile(path)) {
      const key = Buffer.from(ca.der).toString('base64');
      if (!seen.has(key)) {
        seen.add(key);
        cas.push(ca);
      }
    }
  }
  checkAlbLimits(cas);
  return cas;
}
