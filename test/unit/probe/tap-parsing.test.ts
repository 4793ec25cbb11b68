import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hkdfExpandLabel, Tls13RecordKeys } from '../../../electron/core/probe/tls/tls13-cipher';
import { analyzeWire } from '../../../electron/core/probe/tls/wire-analysis';
import { splitRecords } from '../../../electron/core/probe/tls/records';

/** The tap's building blocks on known answers and hostile input (the live handshakes are in tap-oracle.test.ts). */

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'hex');

describe('TLS 1.3 key schedule', () => {
  it('derives the RFC 8448 §3 server handshake key and IV', () => {
    const secret = hex('b6 7b 7d 69 0c c1 6c 4e 75 e5 42 13 cb 2d 37 b4 e9 c9 12 bc de d9 10 5d 42 be fd 59 d3 91 ad 38');
    expect(hkdfExpandLabel('sha256', secret, 'key', new Uint8Array(0), 16).toString('hex')).toBe('3fce516009c21727d0f2e4e86ee403bc');
    expect(hkdfExpandLabel('sha256', secret, 'iv', new Uint8Array(0), 12).toString('hex')).toBe('5d313eb2671276ee13000b30');
  });

  it('decrypts consecutive records (nonce = IV xor sequence) and strips the padding', () => {
    const secret = randomBytes(32);
    const key = hkdfExpandLabel('sha256', secret, 'key', new Uint8Array(0), 16);
    const iv = hkdfExpandLabel('sha256', secret, 'iv', new Uint8Array(0), 12);
    const seal = (sequence: number, inner: Buffer) => {
      const nonce = Buffer.from(iv);
      nonce[11]! ^= sequence;
      const header = Buffer.from([23, 3, 3, 0, inner.length + 16]);
      const cipher = createCipheriv('aes-128-gcm', key, nonce);
      cipher.setAAD(header);
      const body = Buffer.concat([cipher.update(inner), cipher.final(), cipher.getAuthTag()]);
      return { header, body };
    };
    const keys = new Tls13RecordKeys(0x1301, secret);
    const first = seal(0, Buffer.from([1, 2, 3, 22, 0, 0, 0]));
    const second = seal(1, Buffer.from([2, 116, 21]));
    expect(keys.decrypt(first.header, first.body)).toEqual({ type: 22, content: Buffer.from([1, 2, 3]) });
    expect(keys.decrypt(second.header, second.body)).toEqual({ type: 21, content: Buffer.from([2, 116]) });
    expect(() => keys.decrypt(second.header, second.body)).toThrow(/authentication failed/);
  });
});

describe('wire analysis on hostile input', () => {
  it('reports a plaintext answer as not TLS', () => {
    const split = splitRecords([{ bytes: Buffer.from('HTTP/1.1 400 Bad Request\r\nServer: x\r\n\r\n'), atMs: 1 }]);
    expect(split.notTls).toEqual({ preview: 'HTTP/1.1 400 Bad Request' });
  });

  it('never throws on random or truncated bytes, with or without secrets', () => {
    for (let i = 0; i < 2000; i++) {
      const length = i % 300;
      const bytes = randomBytes(length);
      // make some of them look like TLS records so the deeper parsers are reached
      if (i % 2 === 0 && length > 5) bytes.set([22, 3, 3, (length - 5) >> 8, (length - 5) & 0xff], 0);
      if (i % 4 === 0 && length > 9) bytes.set([2, 0, (length - 9) >> 8, (length - 9) & 0xff], 5);
      const secrets = i % 3 === 0 ? { SERVER_HANDSHAKE_TRAFFIC_SECRET: randomBytes(32) } : {};
      const analysis = analyzeWire([{ bytes, atMs: 1 }], [{ bytes: randomBytes(length), atMs: 0 }], secrets);
      expect(Array.isArray(analysis.messages)).toBe(true);
    }
  });
});
