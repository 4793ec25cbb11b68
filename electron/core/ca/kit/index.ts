import { resolve } from 'node:path';
import type { Pkcs12Profile } from '../../../common/dto/inspect';
import { readContent, writeExport, type ExportPlan } from '../../pki';
import { parseCertificate } from '../../pki/certificate';
import { textBytes } from '../../pki/write/plan';
import { invalidArgument } from '../errors';
import { replaceControlCharacters } from '../text';
import { CHAIN_FILE, KIT_LANGUAGES, README_FILE, URL_PLACEHOLDER, type KitFacts, type KitLanguage } from './facts';
import { readmeEn } from './readme-en';
import { readmeZhCn } from './readme-zh-cn';
import { readmeZhTw } from './readme-zh-tw';

/**
 * The partner kit: one folder with `<name>.p12`, `ca-chain.pem` and a README (English, 简体中文 or 繁體中文) on
 * installing and testing it. The kit never sees the p12 password: it cannot write it anywhere.
 */

export { KIT_LANGUAGES, type KitFacts, type KitLanguage } from './facts';

export interface PartnerKitInput {
  /** the identity's name: the p12 is called `<name>.p12` (made safe for file systems and shells) */
  name: string;
  /** the PKCS#12 file, from writePkcs12() */
  p12: Uint8Array;
  profile: Pkcs12Profile;
  /** the issuing CA's chain as PEM, issuing CA first, root last */
  caChainPem: string;
  lang?: KitLanguage;
  /** the client certificate (DER), for the subject, expiry and fingerprint in the README */
  certificate?: Uint8Array;
  /** the https:// endpoint the partner should test against (default: a placeholder to replace) */
  testUrl?: string;
}

export interface WrittenKit {
  folder: string;
  /** absolute paths of the files written */
  files: string[];
  p12File: string;
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A file name from an identity name: letters (any script), digits, `.`, `_`, `-`; never empty, hidden or an option. */
export function kitFileName(name: string, extension = '.p12'): string {
  let base = name.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[.-]+|[.-]+$/g, '').slice(0, 100).replace(/[.-]+$/g, '');
  if (base === '') base = 'identity';
  if (WINDOWS_RESERVED.test(base)) base = `${base}_`;
  return `${base}${extension}`;
}

function testUrl(url: string | undefined): string {
  if (url === undefined) return URL_PLACEHOLDER;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidArgument('test URL', `'${url}' is not an absolute URL`);
  }
  // the README puts it in single quotes inside shell commands: nothing may break out of them
  if (parsed.protocol !== 'https:' || /['\s\\`]/.test(parsed.href)) throw invalidArgument('test URL', `'${url}' must be an https:// URL without quotes or spaces`);
  return parsed.href;
}

function checkChain(pem: string): string {
  let count: number;
  try {
    count = readContent(textBytes(pem), CHAIN_FILE).certificates.length;
  } catch (error) {
    throw invalidArgument('CA chain', `it is not PEM certificates (${error instanceof Error ? error.message : 'unreadable'})`);
  }
  if (count === 0) throw invalidArgument('CA chain', 'it holds no certificate');
  return pem.endsWith('\n') ? pem : `${pem}\n`;
}

function facts(input: PartnerKitInput, p12File: string): KitFacts {
  const cert = input.certificate === undefined ? null : parseCertificate(input.certificate, 'the client certificate');
  return {
    name: replaceControlCharacters(input.name).trim(),
    p12File,
    profile: input.profile,
    url: testUrl(input.testUrl),
    certificate: cert === null ? null : { subject: cert.subject, issuer: cert.issuer, notAfter: cert.notAfter.toISOString(), sha256: cert.sha256 },
  };
}

export function kitReadme(lang: KitLanguage, kitFacts: KitFacts): string {
  switch (lang) {
    case 'en':
      return readmeEn(kitFacts);
    case 'zh-CN':
      return readmeZhCn(kitFacts);
    case 'zh-TW':
      return readmeZhTw(kitFacts);
    default:
      throw invalidArgument('kit language', `'${String(lang)}' is not one of ${KIT_LANGUAGES.join(', ')}`);
  }
}

/** Everything the kit will hold, computed before anything touches the disk. */
export function planPartnerKit(input: PartnerKitInput): ExportPlan {
  if (typeof input.name !== 'string' || input.name.trim() === '') throw invalidArgument('kit name', 'it is empty');
  if (input.profile !== 'modern' && input.profile !== 'compat') throw invalidArgument('kit profile', `'${String(input.profile)}' is not modern or compat`);
  if (!(input.p12 instanceof Uint8Array) || input.p12.length === 0) throw invalidArgument('kit', 'the PKCS#12 file is missing');
  const p12File = kitFileName(input.name);
  const readme = kitReadme(input.lang ?? 'en', facts(input, p12File));
  return {
    layout: 'folder',
    files: [
      { name: p12File, bytes: input.p12, containsPrivateKey: true },
      { name: CHAIN_FILE, bytes: textBytes(checkChain(input.caChainPem)), containsPrivateKey: false },
      { name: README_FILE, bytes: textBytes(readme), containsPrivateKey: false },
    ],
    warnings: [],
  };
}

/** Writes the kit folder (0700) and its files (0600), atomically; an existing folder is kept unless `overwrite`. */
export function writePartnerKit(folder: string, input: PartnerKitInput, options: { overwrite?: boolean } = {}): WrittenKit {
  const plan = planPartnerKit(input);
  const files = writeExport(folder, plan, { overwrite: options.overwrite ?? false });
  return { folder: resolve(folder), files, p12File: plan.files[0]!.name };
}
