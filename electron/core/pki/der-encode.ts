/** Minimal DER encoding: what the writers need to assemble PKCS#7 around existing certificate bytes. */

export function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
  return Uint8Array.of(0x80 | octets.length, ...octets);
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export const encodeTlv = (tag: number, ...contents: Uint8Array[]): Uint8Array => {
  const body = concat(contents);
  return concat([Uint8Array.of(tag), encodeLength(body.length), body]);
};

export function encodeOid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  const values = [arcs[0]! * 40 + arcs[1]!, ...arcs.slice(2)];
  const out: number[] = [];
  for (const value of values) {
    const septets: number[] = [];
    let rest = value;
    do {
      septets.unshift(rest % 128);
      rest = Math.floor(rest / 128);
    } while (rest > 0);
    septets.forEach((septet, i) => out.push(i < septets.length - 1 ? septet | 0x80 : septet));
  }
  return encodeTlv(0x06, Uint8Array.from(out));
}
