/**
 * Reading PKCS#12 (RFC 7292) without OpenSSL's PKCS#12 code: BER/DER PFX → MAC check → AuthenticatedSafe →
 * (decrypted) SafeContents → certificates, keys, CRLs. Every failure ends as a typed StudioError.
 */
import { StudioError, isStudioError } from '../../../common/errors';
import { emptyContent } from '../model';
import type { ParsedContent } from '../model';
import { DerError, TAG, parseDer, readAlgorithm, type Asn1 } from '../asn1';
import { corruptInput, passwordRequired, unsupportedAlgorithm, wrongPassword } from '../pbe/errors';
import { isEmptyPassword, passwordCandidates } from '../pbe/password';
import type { PasswordCandidate } from '../pbe/password';
import { pbeDecrypt } from '../pbe/scheme';
import { DecryptionFailed, decryptWithCandidates, readSafeContents } from './bags';
import type { BagHarvest } from './bags';
import { readMacData } from './mac';
import { P12 } from './oids';

/** Larger inputs are refused before parsing (real PKCS#12 files are a few KB; the CLI caps files at 10 MB). */
export const MAX_PKCS12_BYTES = 16 * 1024 * 1024;
const MAX_SAFES = 1_000;

/** Cheap structural check: does this DER look like a PFX (version 3, authSafe data or signedData)? */
export function isPkcs12(bytes: Uint8Array): boolean {
  if (bytes.length < 16 || bytes.length > MAX_PKCS12_BYTES || bytes[0] !== TAG.SEQUENCE) return false;
  try {
    const pfx = parseDer(bytes, true);
    if (pfx.child(0, TAG.INTEGER).uint() !== 3) return false;
    const contentType = pfx.child(1, TAG.SEQUENCE).child(0).oid();
    return contentType === P12.data || contentType === P12.signedData;
  } catch {
    return false;
  }
}

/** ContentInfo { contentType, [0] EXPLICIT content } → the content element. */
function explicitContent(contentInfo: Asn1): Asn1 {
  const wrapper = contentInfo.child(1, TAG.CONTEXT_0);
  if (wrapper.children().length !== 1) throw new DerError('malformed ContentInfo');
  return wrapper.child(0);
}

function parseSafeContents(bytes: Uint8Array): Asn1 | null {
  try {
    const node = parseDer(bytes).expect(TAG.SEQUENCE);
    node.children();
    return node;
  } catch {
    return null;
  }
}

function readEncryptedData(contentInfo: Asn1, candidates: PasswordCandidate[], source: string): Asn1 | null {
  const encryptedData = explicitContent(contentInfo).expect(TAG.SEQUENCE);
  encryptedData.child(0, TAG.INTEGER);
  const info = encryptedData.child(1, TAG.SEQUENCE);
  const infoKids = info.children();
  if (info.child(0).oid() !== P12.data) throw new DerError('encryptedData does not hold data');
  const algorithm = readAlgorithm(info.child(1));
  const content = infoKids[2];
  if (content === undefined) return null; // "detached" content: nothing here
  if (content.tag !== TAG.CONTEXT_0_PRIMITIVE && content.tag !== TAG.CONTEXT_0)
    throw new DerError('malformed encryptedContent');
  const data = content.octets();
  let parsed: Asn1 | null = null;
  const plain = decryptWithCandidates(
    candidates,
    (pw) => pbeDecrypt(algorithm, data, pw, source),
    (bytes) => (parsed = parseSafeContents(bytes)) !== null,
  );
  if (plain === null || parsed === null) throw new DecryptionFailed();
  return parsed;
}

function readAuthenticatedSafe(
  authSafe: Uint8Array,
  candidates: PasswordCandidate[],
  source: string,
): BagHarvest {
  const harvest: BagHarvest = { certificates: [], privateKeys: [], crls: [] };
  const safes = parseDer(authSafe).expect(TAG.SEQUENCE).children();
  if (safes.length > MAX_SAFES) throw new DerError('too many SafeContents');
  for (const contentInfo of safes) {
    contentInfo.expect(TAG.SEQUENCE);
    const type = contentInfo.child(0).oid();
    if (type === P12.data) {
      const content =
        contentInfo.children().length > 1 ? explicitContent(contentInfo).octetString() : new Uint8Array(0);
      if (content.length > 0)
        readSafeContents(parseDer(content), { source, candidates, encrypted: false }, harvest);
    } else if (type === P12.encryptedData) {
      const safeContents = readEncryptedData(contentInfo, candidates, source);
      if (safeContents !== null)
        readSafeContents(safeContents, { source, candidates, encrypted: true }, harvest);
    } else if (type === P12.envelopedData) {
      throw unsupportedAlgorithm(source, type, 'public-key privacy mode (envelopedData)');
    } else {
      throw unsupportedAlgorithm(source, type, 'AuthenticatedSafe content type');
    }
  }
  return harvest;
}

function read(bytes: Uint8Array, password: string | undefined, source: string): ParsedContent {
  if (bytes.length > MAX_PKCS12_BYTES)
    throw corruptInput(
      source,
      `the file is larger than ${MAX_PKCS12_BYTES} bytes, too large for a PKCS#12 file`,
    );
  const pfx = parseDer(bytes, true).expect(TAG.SEQUENCE);
  const version = pfx.child(0, TAG.INTEGER).uint();
  if (version !== 3) {
    throw new StudioError(
      'UNSUPPORTED_FORMAT',
      `cannot read '${source}': PKCS#12 version ${version} is not supported (only version 3 exists)`,
      {
        hint: 'Re-export the file with a current tool.',
        params: { file: source },
      },
    );
  }
  const authSafeInfo = pfx.child(1, TAG.SEQUENCE);
  const contentType = authSafeInfo.child(0).oid();
  if (contentType !== P12.data)
    throw unsupportedAlgorithm(
      source,
      contentType,
      'PKCS#12 integrity mode (only password integrity is supported), content type',
    );
  const authSafe = explicitContent(authSafeInfo).octetString();
  const macNode = pfx.children()[2];
  if (pfx.children().length > 3) throw new DerError('unexpected fields in PFX');

  const candidates = passwordCandidates(password);
  if (macNode !== undefined) {
    const mac = readMacData(macNode, authSafe, source);
    const index = candidates.findIndex((candidate) => mac.verify(candidate));
    if (index < 0) throw isEmptyPassword(password) ? passwordRequired(source) : wrongPassword(source);
    if (index > 0) candidates.unshift(...candidates.splice(index, 1));
  }
  const harvest = readAuthenticatedSafe(authSafe, candidates, source);
  return { ...emptyContent('pkcs12'), ...harvest };
}

/** Reads a PKCS#12 file. password undefined → tries the empty password in both encodings, then PASSWORD_REQUIRED. */
export function readPkcs12(bytes: Uint8Array, password: string | undefined, source: string): ParsedContent {
  try {
    return read(bytes, password, source);
  } catch (error) {
    if (isStudioError(error)) throw error;
    if (error instanceof DecryptionFailed)
      throw isEmptyPassword(password) ? passwordRequired(source) : wrongPassword(source);
    if (error instanceof DerError)
      throw corruptInput(source, `not a valid PKCS#12 file (${error.message})`, error);
    throw corruptInput(source, 'not a valid PKCS#12 file', error);
  }
}
