import { basename } from 'node:path';
import type { Bundle, ParsedContent, ReadOptions } from './model';
import { DerError, readTlv } from './der';
import { detectDer } from './detect';
import { containsPemBlock } from './pem';
import { readDer } from './read-der';
import { corrupt, unsupportedFormat } from './read-errors';
import { readPemText } from './read-pem';

/**
 * Reads one file's bytes, whatever the format: PEM (any blocks), DER (by content), PKCS#12, or base64 text
 * without PEM armour. Every failure is a StudioError naming `name`.
 */
export function readContent(bytes: Uint8Array, name: string, options: ReadOptions = {}): ParsedContent {
  if (bytes.length === 0) throw unsupportedFormat(name, 'the file is empty');
  const kind = detectDer(bytes);
  if (kind) return readDer(kind, bytes, name, options);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').replace(/^\uFEFF/, '');
  if (containsPemBlock(text)) return readPemText(text, name, options);
  const unarmoured = bareBase64(text);
  if (unarmoured) {
    const innerKind = detectDer(unarmoured);
    if (innerKind) return readDer(innerKind, unarmoured, name, options);
  }
  throw describeUnknown(bytes, name);
}

/** Base64 text without BEGIN/END lines, as some portals hand certificates out. */
function bareBase64(text: string): Uint8Array | null {
  const compact = text.replace(/\s+/g, '');
  if (compact.length < 64 || compact.length % 4 !== 0 || !/^MI[A-Za-z0-9+/]+={0,2}$/.test(compact)) return null;
  return new Uint8Array(Buffer.from(compact, 'base64'));
}

function describeUnknown(bytes: Uint8Array, name: string) {
  const sample = bytes.subarray(0, 4096);
  const textual = sample.every((byte) => byte === 0x09 || byte === 0x0a || byte === 0x0d || byte >= 0x20);
  if (bytes[0] === 0x30) {
    try {
      readTlv(bytes);
      return unsupportedFormat(name, 'ASN.1 DER data that is not a certificate, key, PKCS#7, PKCS#12, CRL or request');
    } catch (error) {
      if (!textual && error instanceof DerError) return corrupt(name, `the DER data is truncated or malformed (${error.message})`, error);
    }
  }
  if (textual) return unsupportedFormat(name, 'text without PEM blocks (no -----BEGIN line)');
  const head = Array.from(bytes.subarray(0, 4), (byte) => byte.toString(16).padStart(2, '0')).join(' ');
  return unsupportedFormat(name, `binary data of an unknown kind (starts with ${head})`);
}

/** Reads several files at once (a leaf, its key and a chain dropped together) into one bundle, in input order. */
export function readFiles(inputs: { path: string; bytes: Uint8Array }[], options: ReadOptions = {}): Bundle {
  const bundle: Bundle = { files: [], certificates: [], privateKeys: [], crls: [], csrs: [] };
  for (const input of inputs) {
    const content = readContent(input.bytes, basename(input.path), options);
    bundle.files.push({ path: input.path, format: content.format });
    bundle.certificates.push(...content.certificates);
    bundle.privateKeys.push(...content.privateKeys);
    bundle.crls.push(...content.crls);
    bundle.csrs.push(...content.csrs);
  }
  return bundle;
}
