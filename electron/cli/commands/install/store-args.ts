import { STORE_KINDS, type StoreDescription, type StoreKind } from '../../../common/dto/install';
import { requireOne } from '../../args';

export const STORE_OPTIONS = {
  store: { type: 'string' },
  profile: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export function storeKind(value: string | undefined, usage: string): StoreKind {
  return requireOne(value, STORE_KINDS, '--store', usage);
}

/** 'Shared NSS database — /home/ana/.pki/nssdb' */
export function describeStore(store: StoreDescription): string {
  return `${store.label} — ${store.location}`;
}

export const STORE_HELP = `Stores:
  nss       the shared NSS database ~/.pki/nssdb (Chrome, Chromium, curl built with NSS, many tools);
            --profile PATH picks another NSS database folder
  firefox   every Firefox profile found from profiles.ini (~/.mozilla/firefox, the Snap and the Flatpak
            folders); --profile PATH picks one profile folder
  macos     the login keychain (macOS only)
  windows   CurrentUser\\My (Windows only)
On Linux the nss and firefox stores need certutil and pk12util (Debian/Ubuntu: apt install libnss3-tools).`;
