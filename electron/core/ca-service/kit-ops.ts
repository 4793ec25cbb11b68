import type { Pkcs12Profile } from '../../common/dto/inspect';
import { StudioError } from '../../common/errors';
import { generatePassword, writePartnerKit, type KitLanguage } from '../ca';
import { writePkcs12 } from '../pki';
import type { VaultContext } from '../vault/context';
import { wipe } from '../vault/envelope';
import { certificatesPem, readIdentityCertificates } from '../vault/identity-files';
import { unsealPrivateKey } from '../vault/key-access';
import { findIdentity } from '../vault/names';

export interface KitRequest {
  identity: string;
  /** the folder to create */
  out: string;
  profile?: Pkcs12Profile;
  lang?: KitLanguage;
  testUrl?: string;
  overwrite?: boolean;
}

export interface CreatedKit {
  folder: string;
  files: string[];
  p12File: string;
  profile: Pkcs12Profile;
  lang: KitLanguage;
  /** generated for this kit and written into none of its files: show it once */
  password: string;
}

/** `<name>.p12` under a new generated password, the CA chain as PEM and a README, for an identity of the vault. */
export async function createKit(ctx: VaultContext, request: KitRequest): Promise<CreatedKit> {
  const record = findIdentity(ctx.index.read(), request.identity);
  const { leaf, chain } = readIdentityCertificates(ctx.layout, record.id, record.name);
  if (chain.length === 0) {
    throw new StudioError('INVALID_ARGUMENT', `'${record.name}' has no CA chain in the vault: a partner kit needs the CA certificates the server trusts`, {
      hint: 'Issue the identity from a vault CA (`mtls-studio ca issue`), or import it together with its CA certificates.',
      params: { name: record.name },
    });
  }
  const profile = request.profile ?? 'modern';
  const lang = request.lang ?? 'en';
  const password = generatePassword();
  const pkcs8 = await unsealPrivateKey(ctx, record);
  let p12: Uint8Array;
  try {
    p12 = writePkcs12({ key: { pkcs8, friendlyName: record.name }, certificates: [{ der: leaf, friendlyName: record.name }, ...chain.map((der) => ({ der }))], password, profile });
  } finally {
    wipe(pkcs8);
  }
  const written = writePartnerKit(
    request.out,
    { name: record.name, p12, profile, caChainPem: certificatesPem(chain), lang, certificate: leaf, ...(request.testUrl === undefined ? {} : { testUrl: request.testUrl }) },
    { overwrite: request.overwrite ?? false },
  );
  return { ...written, profile, lang, password };
}
