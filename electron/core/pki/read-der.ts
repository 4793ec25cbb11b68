import { isStudioError } from '../../common/errors';
import { emptyContent, type ParsedContent, type ReadOptions } from './model';
import { parseCertificate } from './certificate';
import { describeCrl } from './crl';
import { describeCsr } from './csr';
import { FORMAT_OF_KIND, type DerKind } from './detect';
import { describePrivateKey, traditionalToPkcs8 } from './keys';
import { decryptPrivateKeyInfo } from './pbe';
import { readPkcs12 } from './pkcs12';
import { NotSignedDataError, readPkcs7 } from './pkcs7';
import { corrupt, guarded, unsupportedFormat } from './read-errors';

/** Reading one DER structure of a known kind into items; shared by DER files and PEM blocks. */

export interface ItemAttributes {
  friendlyName?: string;
  localKeyId?: Uint8Array;
}

const attributes = (extra: ItemAttributes) => ({
  ...(extra.friendlyName === undefined ? {} : { friendlyName: extra.friendlyName }),
  ...(extra.localKeyId === undefined ? {} : { localKeyId: extra.localKeyId }),
});

export function addCertificate(into: ParsedContent, der: Uint8Array, source: string, extra: ItemAttributes = {}): void {
  parseCertificate(der, source);
  into.certificates.push({ der, source, ...attributes(extra) });
}

export function addPrivateKey(into: ParsedContent, pkcs8: Uint8Array, source: string, wasEncrypted: boolean, extra: ItemAttributes = {}): void {
  describePrivateKey(pkcs8, source);
  into.privateKeys.push({ pkcs8, source, wasEncrypted, ...attributes(extra) });
}

/** Calls the PBES1/PBES2 decryptor; anything it throws that is not a StudioError is a malformed structure. */
export function decryptPkcs8(der: Uint8Array, password: string | undefined, source: string): Uint8Array {
  try {
    return decryptPrivateKeyInfo(der, password, source);
  } catch (error) {
    if (isStudioError(error)) throw error;
    throw corrupt(source, 'the encrypted private key is malformed', error);
  }
}

export function addPkcs7(into: ParsedContent, der: Uint8Array, source: string): void {
  let contents;
  try {
    contents = readPkcs7(der);
  } catch (error) {
    if (error instanceof NotSignedDataError) {
      throw unsupportedFormat(source, `a PKCS#7 ${error.contentType} structure, not a certificate bundle (signedData)`);
    }
    return guarded(source, 'the PKCS#7 structure', () => {
      throw error;
    });
  }
  for (const certificate of contents.certificates) addCertificate(into, certificate, source);
  for (const crl of contents.crls) {
    describeCrl(crl, source);
    into.crls.push({ der: crl, source });
  }
}

function readPkcs12Checked(bytes: Uint8Array, password: string | undefined, source: string): ParsedContent {
  let content: ParsedContent;
  try {
    content = readPkcs12(bytes, password, source);
  } catch (error) {
    if (isStudioError(error)) throw error;
    throw corrupt(source, 'the PKCS#12 structure is malformed', error);
  }
  for (const certificate of content.certificates) parseCertificate(certificate.der, source);
  for (const key of content.privateKeys) describePrivateKey(key.pkcs8, source);
  return content;
}

/** Reads a whole DER file (or unarmoured base64) whose kind was detected. */
export function readDer(kind: DerKind, der: Uint8Array, source: string, options: ReadOptions): ParsedContent {
  if (kind === 'pkcs12') return readPkcs12Checked(der, options.password, source);
  const content = emptyContent(FORMAT_OF_KIND[kind]);
  switch (kind) {
    case 'certificate':
      addCertificate(content, der, source);
      break;
    case 'private-key':
      addPrivateKey(content, der, source, false);
      break;
    case 'encrypted-private-key':
      addPrivateKey(content, decryptPkcs8(der, options.password, source), source, true);
      break;
    case 'rsa-private-key':
      addPrivateKey(content, traditionalToPkcs8(der, 'pkcs1', source), source, false);
      break;
    case 'ec-private-key':
      addPrivateKey(content, traditionalToPkcs8(der, 'sec1', source), source, false);
      break;
    case 'pkcs7':
      addPkcs7(content, der, source);
      break;
    case 'crl':
      describeCrl(der, source);
      content.crls.push({ der, source });
      break;
    case 'csr':
      describeCsr(der, source);
      content.csrs.push({ der, source });
      break;
  }
  return content;
}
