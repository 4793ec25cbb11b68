/**
 * SafeContents → certificates, keys and CRLs. Shrouded keys are decrypted here with the password candidates
 * the caller orders (the one that verified the MAC first).
 */
import { DerError, TAG, parseDer, readAlgorithm, type Asn1 } from '../asn1';
import type { PasswordCandidate } from '../pbe/password';
import { isWholeSequence, pbeDecrypt } from '../pbe/scheme';
import type { CertificateItem, DerItem, PrivateKeyItem } from '../model';
import { readAttributes } from './attributes';
import { P12 } from './oids';

/** What one file yields, in file order. */
export interface BagHarvest {
  certificates: CertificateItem[];
  privateKeys: PrivateKeyItem[];
  crls: DerItem[];
}

/** Thrown when no password candidate decrypts a shrouded key: the caller decides which password error it is. */
export class DecryptionFailed extends Error {
  override readonly name = 'DecryptionFailed';
}

export interface BagContext {
  source: string;
  /** candidates to try, best first; the successful one is moved to the front */
  candidates: PasswordCandidate[];
  /** true when the SafeContents came out of encryptedData */
  encrypted: boolean;
}

const MAX_BAGS = 10_000;
const MAX_NESTING = 4;

/** Structural check of a PrivateKeyInfo: SEQUENCE { INTEGER, AlgorithmIdentifier, OCTET STRING, … }. */
export function looksLikePkcs8(bytes: Uint8Array): boolean {
  if (!isWholeSequence(bytes)) return false;
  try {
    const root = parseDer(bytes);
    root.child(0, TAG.INTEGER);
    readAlgorithm(root.child(1));
    if ((root.child(2).tag & 0xdf) !== TAG.OCTET_STRING) return false;
    return true;
  } catch {
    return false;
  }
}

/** Tries each candidate in order; on success moves the winner to the front of the list. */
export function decryptWithCandidates(
  candidates: PasswordCandidate[],
  attempt: (candidate: PasswordCandidate) => Uint8Array | null,
  accept: (plain: Uint8Array) => boolean,
): Uint8Array | null {
  for (let i = 0; i < candidates.length; i++) {
    const plain = attempt(candidates[i]!);
    if (plain !== null && accept(plain)) {
      if (i > 0) candidates.unshift(...candidates.splice(i, 1));
      return plain;
    }
  }
  return null;
}

function bagValue(bag: Asn1): Asn1 {
  const wrapper = bag.child(1, TAG.CONTEXT_0);
  if (wrapper.children().length !== 1) throw new DerError('malformed SafeBag value');
  return wrapper.child(0);
}

function readShroudedKey(value: Asn1, context: BagContext): Uint8Array {
  value.expect(TAG.SEQUENCE);
  if (value.children().length !== 2) throw new DerError('malformed PKCS8ShroudedKeyBag');
  const algorithm = readAlgorithm(value.child(0));
  const data = value.child(1).octetString();
  const plain = decryptWithCandidates(
    context.candidates,
    (pw) => pbeDecrypt(algorithm, data, pw, context.source),
    looksLikePkcs8,
  );
  if (plain === null) throw new DecryptionFailed();
  return new Uint8Array(plain);
}

/** Reads one SafeContents (SEQUENCE OF SafeBag) into `out`. */
export function readSafeContents(
  safeContents: Asn1,
  context: BagContext,
  out: BagHarvest,
  nesting = 0,
): void {
  if (nesting > MAX_NESTING) throw new DerError('SafeContents nested too deeply');
  safeContents.expect(TAG.SEQUENCE);
  const bags = safeContents.children();
  if (bags.length > MAX_BAGS) throw new DerError('too many bags');
  for (const bag of bags) {
    bag.expect(TAG.SEQUENCE);
    const kids = bag.children();
    if (kids.length < 2 || kids.length > 3) throw new DerError('malformed SafeBag');
    const bagId = bag.child(0).oid();
    const value = bagValue(bag);
    const attributes = readAttributes(kids[2]);
    const named = {
      ...(attributes.friendlyName === undefined ? {} : { friendlyName: attributes.friendlyName }),
      ...(attributes.localKeyId === undefined ? {} : { localKeyId: attributes.localKeyId }),
      source: context.source,
    };
    switch (bagId) {
      case P12.keyBag: {
        const pkcs8 = new Uint8Array(value.encoded);
        if (!looksLikePkcs8(pkcs8)) throw new DerError('malformed KeyBag');
        out.privateKeys.push({ pkcs8, ...named, wasEncrypted: context.encrypted });
        break;
      }
      case P12.pkcs8ShroudedKeyBag:
        out.privateKeys.push({ pkcs8: readShroudedKey(value, context), ...named, wasEncrypted: true });
        break;
      case P12.certBag: {
        value.expect(TAG.SEQUENCE);
        const certId = value.child(0).oid();
        if (certId !== P12.x509Certificate) break; // SDSI and unknown certificate types: nothing to offer
        const der = new Uint8Array(value.child(1, TAG.CONTEXT_0).child(0).octetString());
        if (!isWholeSequence(der)) throw new DerError('certificate bag does not hold a DER certificate');
        out.certificates.push({ der, ...named });
        break;
      }
      case P12.crlBag: {
        value.expect(TAG.SEQUENCE);
        if (value.child(0).oid() !== P12.x509Crl) break;
        const der = new Uint8Array(value.child(1, TAG.CONTEXT_0).child(0).octetString());
        if (!isWholeSequence(der)) throw new DerError('CRL bag does not hold a DER CRL');
        out.crls.push({ der, source: context.source });
        break;
      }
      case P12.safeContentsBag:
        readSafeContents(value, context, out, nesting + 1);
        break;
      default:
        break; // secret bags and unknown bag types carry nothing we show
    }
  }
}
