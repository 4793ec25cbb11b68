import { StudioError } from '../../common/errors';
import { emptyContent, type ParsedContent, type ReadOptions } from './model';
import { raw, readTlv } from './der';
import { describeCrl } from './crl';
import { describeCsr } from './csr';
import { parsePem, PemError, type PemBlock } from './pem';
import { addCertificate, addPkcs7, addPrivateKey, decryptPkcs8 } from './read-der';
import { corrupt, guarded, unsupportedFormat } from './read-errors';
import { readTraditionalKey } from './traditional-key';

/** Blocks that carry nothing to import and are skipped (an `EC PARAMETERS` block precedes `openssl ecparam -genkey` keys). */
const IGNORED = new Set(['EC PARAMETERS', 'PUBLIC KEY', 'RSA PUBLIC KEY', 'DH PARAMETERS', 'X9.42 DH PARAMETERS', 'DSA PARAMETERS', 'PARAMETERS']);

function readBlock(into: ParsedContent, block: PemBlock, source: string, options: ReadOptions): boolean {
  const extra = { ...(block.friendlyName === undefined ? {} : { friendlyName: block.friendlyName }), ...(block.localKeyId === undefined ? {} : { localKeyId: block.localKeyId }) };
  switch (block.label) {
    case 'CERTIFICATE':
    case 'X509 CERTIFICATE':
      addCertificate(into, block.der, source, extra);
      return true;
    case 'TRUSTED CERTIFICATE': {
      // OpenSSL appends its X509_CERT_AUX trust settings after the certificate: keep the certificate only
      const certificate = guarded(source, 'the TRUSTED CERTIFICATE block', () => raw(readTlv(block.der)));
      addCertificate(into, certificate, source, extra);
      return true;
    }
    case 'X509 CRL':
      describeCrl(block.der, source);
      into.crls.push({ der: block.der, source });
      return true;
    case 'CERTIFICATE REQUEST':
    case 'NEW CERTIFICATE REQUEST':
      describeCsr(block.der, source);
      into.csrs.push({ der: block.der, source });
      return true;
    case 'PKCS7':
    case 'CMS':
      addPkcs7(into, block.der, source);
      return true;
    case 'PRIVATE KEY':
      addPrivateKey(into, block.der, source, false, extra);
      return true;
    case 'ENCRYPTED PRIVATE KEY':
      addPrivateKey(into, decryptPkcs8(block.der, options.password, source), source, true, extra);
      return true;
    case 'RSA PRIVATE KEY':
    case 'EC PRIVATE KEY': {
      const type = block.label === 'RSA PRIVATE KEY' ? 'pkcs1' : 'sec1';
      const { pkcs8, wasEncrypted } = readTraditionalKey(block.der, block.headers, type, options.password, source);
      addPrivateKey(into, pkcs8, source, wasEncrypted, extra);
      return true;
    }
    default:
      if (IGNORED.has(block.label)) return false;
      if (block.label.includes('PRIVATE KEY')) {
        throw new StudioError('UNSUPPORTED_FORMAT', `cannot read '${source}': ${block.label} blocks are not supported`, {
          hint: block.label.startsWith('OPENSSH')
            ? 'Convert the key first: `ssh-keygen -p -m PKCS8 -f KEYFILE` rewrites it as PKCS#8 PEM.'
            : 'Convert the key to PKCS#8 first: `openssl pkcs8 -topk8 -in KEYFILE -out key.pem`.',
          params: { file: source, label: block.label },
        });
      }
      return false;
  }
}

/** Reads every block of a PEM text; blocks that carry nothing to import are skipped. */
export function readPemText(text: string, source: string, options: ReadOptions): ParsedContent {
  let blocks: PemBlock[];
  try {
    blocks = parsePem(text);
  } catch (error) {
    if (error instanceof PemError) throw corrupt(source, error.message, error);
    throw error;
  }
  const content = emptyContent('pem');
  let used = 0;
  for (const block of blocks) if (readBlock(content, block, source, options)) used++;
  if (used === 0) {
    const labels = [...new Set(blocks.map((block) => block.label))].join(', ');
    throw unsupportedFormat(source, `PEM with only ${labels} blocks: no certificate, key, request or revocation list`);
  }
  return content;
}
