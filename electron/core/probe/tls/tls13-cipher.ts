import { createDecipheriv, createHmac, type CipherCCMTypes, type CipherGCMTypes } from 'node:crypto';

/**
 * Decrypts TLS 1.3 records with a traffic secret from the `keylog` event: RFC 8446 §7.1 HKDF-Expand-Label
 * gives the key and IV, §5.3 the per-record nonce, §5.2 the AEAD with the record header as additional data.
 */

interface SuiteSpec {
  name: string;
  hash: 'sha256' | 'sha384';
  cipher: string;
  keyLength: number;
  tagLength: number;
}

const SUITES: Record<number, SuiteSpec> = {
  0x1301: { name: 'TLS_AES_128_GCM_SHA256', hash: 'sha256', cipher: 'aes-128-gcm', keyLength: 16, tagLength: 16 },
  0x1302: { name: 'TLS_AES_256_GCM_SHA384', hash: 'sha384', cipher: 'aes-256-gcm', keyLength: 32, tagLength: 16 },
  0x1303: { name: 'TLS_CHACHA20_POLY1305_SHA256', hash: 'sha256', cipher: 'chacha20-poly1305', keyLength: 32, tagLength: 16 },
  0x1304: { name: 'TLS_AES_128_CCM_SHA256', hash: 'sha256', cipher: 'aes-128-ccm', keyLength: 16, tagLength: 16 },
  0x1305: { name: 'TLS_AES_128_CCM_8_SHA256', hash: 'sha256', cipher: 'aes-128-ccm', keyLength: 16, tagLength: 8 },
};

export const isTls13Suite = (suite: number): boolean => suite in SUITES;

/** HKDF-Expand (RFC 5869 §2.3): only the expand step, the secret is already a PRK. */
export function hkdfExpand(hash: string, prk: Uint8Array, info: Uint8Array, length: number): Buffer {
  const blocks: Buffer[] = [];
  let previous = Buffer.alloc(0);
  for (let counter = 1, total = 0; total < length; counter++) {
    previous = createHmac(hash, prk).update(previous).update(info).update(Buffer.of(counter)).digest();
    blocks.push(previous);
    total += previous.length;
  }
  return Buffer.concat(blocks).subarray(0, length);
}

/** HKDF-Expand-Label(Secret, Label, Context, Length) with the "tls13 " prefix. */
export function hkdfExpandLabel(hash: string, secret: Uint8Array, label: string, context: Uint8Array, length: number): Buffer {
  const fullLabel = Buffer.from(`tls13 ${label}`, 'ascii');
  const info = Buffer.concat([Buffer.of(length >> 8, length & 0xff, fullLabel.length), fullLabel, Buffer.of(context.length), context]);
  return hkdfExpand(hash, secret, info, length);
}

export class RecordDecryptionError extends Error {}

/** One direction's traffic keys; `sequence` counts the records decrypted with them. */
export class Tls13RecordKeys {
  private readonly key: Buffer;
  private readonly iv: Buffer;
  private readonly suite: SuiteSpec;
  private sequence = 0n;

  constructor(suiteCode: number, secret: Uint8Array) {
    const suite = SUITES[suiteCode];
    if (!suite) throw new RecordDecryptionError(`cipher suite 0x${suiteCode.toString(16)} is not a TLS 1.3 suite`);
    this.suite = suite;
    this.key = hkdfExpandLabel(suite.hash, secret, 'key', new Uint8Array(0), suite.keyLength);
    this.iv = hkdfExpandLabel(suite.hash, secret, 'iv', new Uint8Array(0), 12);
  }

  private nonce(): Buffer {
    const nonce = Buffer.from(this.iv);
    let seq = this.sequence;
    for (let i = 11; i >= 4; i--) {
      nonce[i]! ^= Number(seq & 0xffn);
      seq >>= 8n;
    }
    return nonce;
  }

  /** Moves past a record without decrypting it (bulk application data, where only the count matters). */
  skip(): void {
    this.sequence++;
  }

  /**
   * Decrypts one TLSCiphertext (header = the 5 record-header bytes, body = encrypted_record) and returns the
   * inner content type and content, padding removed.
   */
  decrypt(header: Uint8Array, body: Uint8Array): { type: number; content: Buffer } {
    const { cipher, tagLength } = this.suite;
    if (body.length < tagLength + 1) throw new RecordDecryptionError('record shorter than its authentication tag');
    const ciphertext = body.subarray(0, body.length - tagLength);
    const tag = body.subarray(body.length - tagLength);
    const nonce = this.nonce();
    let plain: Buffer;
    try {
      if (cipher.endsWith('-ccm')) {
        const decipher = createDecipheriv(cipher as CipherCCMTypes, this.key, nonce, { authTagLength: tagLength });
        decipher.setAuthTag(tag);
        decipher.setAAD(header, { plaintextLength: ciphertext.length });
        plain = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
      } else {
        const decipher = createDecipheriv(cipher as CipherGCMTypes, this.key, nonce, { authTagLength: tagLength });
        decipher.setAuthTag(tag);
        decipher.setAAD(header);
        plain = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
      }
    } catch (cause) {
      throw new RecordDecryptionError('authentication failed (wrong secret or not the next record)', { cause });
    }
    this.sequence++;
    let end = plain.length;
    while (end > 0 && plain[end - 1] === 0) end--;
    if (end === 0) throw new RecordDecryptionError('record with no content type');
    return { type: plain[end - 1]!, content: plain.subarray(0, end - 1) };
  }
}
