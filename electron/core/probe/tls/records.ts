/** Splits one direction of a captured TLS byte stream into records, each stamped with its arrival time. */

export interface WireChunk {
  bytes: Uint8Array;
  /** ms since the start of the attempt */
  atMs: number;
}

export interface TlsRecord {
  type: number;
  version: number;
  /** the 5 header bytes (the AEAD additional data in TLS 1.3) */
  header: Uint8Array;
  body: Uint8Array;
  /** arrival of the record's last byte */
  atMs: number;
}

export interface SplitResult {
  records: TlsRecord[];
  /** set when the stream does not look like TLS records at all (a plaintext service on a TLS port) */
  notTls: { preview: string } | null;
  /** bytes of an unfinished record at the end */
  trailingBytes: number;
}

/** RFC 8446 §5.2: 2^14 + 256 for ciphertext; a bit more tolerance costs nothing. */
const MAX_RECORD_LENGTH = 18_432;
const VALID_TYPES = new Set([20, 21, 22, 23, 24]);

function preview(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 80));
  const text = head.toString('latin1');
  const printable = [...text].filter((c) => c === '\r' || c === '\n' || c === '\t' || (c >= ' ' && c <= '~')).length;
  if (printable >= text.length * 0.9) return text.replace(/\r?\n[\s\S]*$/, '').trim() || text.trim();
  return head.subarray(0, 16).toString('hex');
}

export function splitRecords(chunks: WireChunk[]): SplitResult {
  const stream = Buffer.concat(chunks.map((chunk) => chunk.bytes));
  const ends: number[] = [];
  let total = 0;
  for (const chunk of chunks) ends.push((total += chunk.bytes.length));
  const timeAt = (offset: number): number => {
    const index = ends.findIndex((end) => end > offset);
    return chunks[index === -1 ? chunks.length - 1 : index]?.atMs ?? 0;
  };

  const records: TlsRecord[] = [];
  let offset = 0;
  while (stream.length - offset >= 5) {
    const type = stream[offset]!;
    const version = stream.readUInt16BE(offset + 1);
    const length = stream.readUInt16BE(offset + 3);
    const plausible = VALID_TYPES.has(type) && stream[offset + 1] === 3 && length <= MAX_RECORD_LENGTH;
    if (!plausible) {
      return { records, notTls: records.length === 0 ? { preview: preview(stream) } : null, trailingBytes: stream.length - offset };
    }
    if (stream.length - offset - 5 < length) break;
    records.push({
      type,
      version,
      header: stream.subarray(offset, offset + 5),
      body: stream.subarray(offset + 5, offset + 5 + length),
      atMs: timeAt(offset + 5 + length - 1),
    });
    offset += 5 + length;
  }
  const rest = stream.length - offset;
  // a few bytes that cannot even form a record header, from a server that then closed: not TLS either
  const notTls = records.length === 0 && rest > 0 && rest < 5 && !VALID_TYPES.has(stream[0]!) ? { preview: preview(stream) } : null;
  return { records, notTls, trailingBytes: rest };
}
