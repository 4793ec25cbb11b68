import { createHash } from 'node:crypto';
import { parseCertificate, type ParsedCertificate } from '../pki/certificate';

/**
 * Certificates seen on the wire, parsed once per content: a repeat run sees the same server and client chains
 * thousands of times in fresh buffers, and parsing (with its signature check) costs more than the handshake's
 * bookkeeping. Bounded, oldest dropped first.
 */

const MAX_ENTRIES = 512;
const byDigest = new Map<string, ParsedCertificate>();

/** the same buffer again (every request on a kept-alive connection): no hashing at all */
const byBuffer = new WeakMap<Uint8Array, ParsedCertificate>();

export function parseWireCertificate(der: Uint8Array, what: string): ParsedCertificate {
  const seen = byBuffer.get(der);
  if (seen) return seen;
  const parsed = parseByContent(der, what);
  byBuffer.set(der, parsed);
  return parsed;
}

function parseByContent(der: Uint8Array, what: string): ParsedCertificate {
  const digest = createHash('sha256').update(der).digest('hex');
  const cached = byDigest.get(digest);
  if (cached) return cached;
  const parsed = parseCertificate(der, what);
  byDigest.set(digest, parsed);
  if (byDigest.size > MAX_ENTRIES) byDigest.delete(byDigest.keys().next().value!);
  return parsed;
}
