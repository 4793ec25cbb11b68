import { ByteReader, TlsDecodeError } from './byte-reader';
import { CONTENT_TYPE, TLS13_VERSION } from './registry';
import type { TlsRecord } from './records';
import { RecordDecryptionError, Tls13RecordKeys } from './tls13-cipher';

/**
 * Walks one direction's records: reassembles handshake messages across records, decrypts TLS 1.3 records
 * with the traffic secrets (handshake keys until this side's Finished, then application keys), and reports
 * every handshake message and alert to the callbacks. TLS 1.2 records after ChangeCipherSpec stay opaque.
 */

export interface DirectionEvents {
  /** a complete handshake message; may return the negotiated version/suite once the ServerHello is known */
  onHandshake(type: number, body: Uint8Array, atMs: number): void;
  onAlert(level: number | null, code: number | null, atMs: number, encrypted: boolean): void;
  onChangeCipherSpec(atMs: number): void;
  onApplicationData(atMs: number, bytes: number): void;
}

export interface DirectionContext {
  /** negotiated version and suite, known once the ServerHello has been read */
  version(): number | null;
  cipherSuite(): number | null;
  /** the traffic secret for this direction, 'handshake' or 'application' epoch; null when not logged */
  secret(epoch: 'handshake' | 'application'): Uint8Array | null;
}

export interface DirectionOutcome {
  /** why reading stopped early (undecryptable, malformed), or null */
  stoppedBecause: string | null;
}

/**
 * Application-epoch records this large are bulk data: alerts, KeyUpdate and session tickets are far smaller.
 * Skipping their decryption (the sequence number still advances) keeps repeat runs cheap.
 */
const BULK_RECORD_BYTES = 1024;

export function readDirection(records: TlsRecord[], context: DirectionContext, events: DirectionEvents): DirectionOutcome {
  let pending = Buffer.alloc(0);
  let keys: Tls13RecordKeys | null = null;
  let epoch: 'handshake' | 'application' = 'handshake';
  let tls12Encrypted = false;

  const feedHandshake = (bytes: Uint8Array, atMs: number): boolean => {
    pending = pending.length === 0 ? Buffer.from(bytes) : Buffer.concat([pending, bytes]);
    let finishedSeen = false;
    while (pending.length >= 4) {
      const length = pending.readUIntBE(1, 3);
      if (pending.length < 4 + length) break;
      const type = pending[0]!;
      events.onHandshake(type, pending.subarray(4, 4 + length), atMs);
      if (type === 20) finishedSeen = true;
      pending = pending.subarray(4 + length);
    }
    return finishedSeen;
  };

  const alert = (content: Uint8Array, atMs: number): void => {
    const reader = new ByteReader(content);
    while (reader.remaining >= 2) events.onAlert(reader.u8(), reader.u8(), atMs, false);
  };

  for (const record of records) {
    try {
      const tls13 = context.version() === TLS13_VERSION;
      if (record.type === CONTENT_TYPE.changeCipherSpec) {
        if (!tls13) {
          tls12Encrypted = true;
          events.onChangeCipherSpec(record.atMs);
        }
        continue;
      }
      if (tls13 && record.type === CONTENT_TYPE.applicationData) {
        if (!keys) {
          const secret = context.secret(epoch);
          const suite = context.cipherSuite();
          if (!secret || suite === null) return { stoppedBecause: `no ${epoch} traffic secret was logged for this direction` };
          keys = new Tls13RecordKeys(suite, secret);
        }
        if (epoch === 'application' && record.body.length > BULK_RECORD_BYTES) {
          keys.skip();
          events.onApplicationData(record.atMs, record.body.length);
          continue;
        }
        const inner = keys.decrypt(record.header, record.body);
        if (inner.type === CONTENT_TYPE.handshake) {
          if (feedHandshake(inner.content, record.atMs) && epoch === 'handshake') {
            epoch = 'application';
            keys = null;
          }
        } else if (inner.type === CONTENT_TYPE.alert) alert(inner.content, record.atMs);
        else if (inner.type === CONTENT_TYPE.applicationData) events.onApplicationData(record.atMs, inner.content.length);
        continue;
      }
      if (tls12Encrypted) {
        if (record.type === CONTENT_TYPE.alert) events.onAlert(null, null, record.atMs, true);
        else if (record.type === CONTENT_TYPE.applicationData) events.onApplicationData(record.atMs, record.body.length);
        continue;
      }
      if (record.type === CONTENT_TYPE.handshake) feedHandshake(record.body, record.atMs);
      else if (record.type === CONTENT_TYPE.alert) alert(record.body, record.atMs);
      else if (record.type === CONTENT_TYPE.applicationData) events.onApplicationData(record.atMs, record.body.length);
    } catch (error) {
      if (error instanceof RecordDecryptionError || error instanceof TlsDecodeError) return { stoppedBecause: error.message };
      throw error;
    }
  }
  return { stoppedBecause: null };
}
