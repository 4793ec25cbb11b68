import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { StudioError } from '../../common/errors';
import type { StoreDescription, StoreKind } from '../../common/dto/install';
import { findLinuxFirefoxProfiles } from './firefox-profiles';
import { loginKeychain, WINDOWS_STORE } from './os-stores';
import { toolMissing } from './tool-runner';

export interface Machine {
  platform: NodeJS.Platform;
  /** the user's home folder (HOME): where ~/.pki/nssdb and the Firefox profiles are */
  home: string;
  /** the PATH the tools are looked up in */
  path: string;
}

export function isOnPath(tool: string, pathVariable: string): boolean {
  for (const folder of pathVariable.split(delimiter)) {
    if (!folder) continue;
    try {
      accessSync(join(folder, tool), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

/** null when pk12util and certutil are both there, else the reason (with the package to install). */
function nssProblem(machine: Machine): StudioError | null {
  for (const tool of ['certutil', 'pk12util']) if (!isOnPath(tool, machine.path)) return toolMissing(tool);
  return null;
}

function usability(problem: StudioError | null): Pick<StoreDescription, 'usable' | 'problem'> {
  return problem === null ? { usable: true, problem: null } : { usable: false, problem: `${problem.message}. ${problem.hint ?? ''}`.trim() };
}

export const SHARED_NSS_FOLDER = ['.pki', 'nssdb'];

function nssDescription(machine: Machine, folder: string, label: string): StoreDescription {
  return { kind: 'nss', location: folder, label, profileName: null, flavour: null, ...usability(nssProblem(machine)) };
}

function firefoxDescription(machine: Machine, folder: string, name: string, flavour: string): StoreDescription {
  return { kind: 'firefox', location: folder, label: `${flavour} (${name})`, profileName: name, flavour, ...usability(nssProblem(machine)) };
}

/** Every store on this machine: Linux (and other Unix) NSS + Firefox profiles, the macOS login keychain, Windows CurrentUser\My. */
export function discoverStores(machine: Machine): StoreDescription[] {
  if (machine.platform === 'darwin') {
    // looked up on PATH (it is /usr/bin/security on every Mac); the commands still run it by its absolute path
    const problem = isOnPath('security', machine.path) ? null : toolMissing('security');
    return [{ kind: 'macos', location: loginKeychain(machine.home), label: 'macOS login keychain', profileName: null, flavour: null, ...usability(problem) }];
  }
  if (machine.platform === 'win32') {
    return [{ kind: 'windows', location: WINDOWS_STORE, label: 'Windows certificate store (CurrentUser\\My)', profileName: null, flavour: null, usable: true, problem: null }];
  }
  return [
    nssDescription(machine, join(machine.home, ...SHARED_NSS_FOLDER), 'Shared NSS database'),
    ...findLinuxFirefoxProfiles(machine.home).map((profile) => firefoxDescription(machine, profile.path, profile.name, profile.flavour)),
  ];
}

function unavailable(message: string, hint: string, kind: StoreKind): StudioError {
  return new StudioError('STORE_UNAVAILABLE', message, { hint, params: { store: kind } });
}

/** The stores one install/uninstall addresses: --store KIND, narrowed (or, for nss, redirected) by --profile. */
export function selectStores(machine: Machine, kind: StoreKind, profile: string | undefined): StoreDescription[] {
  const onThisSystem = kind === 'macos' ? machine.platform === 'darwin' : kind === 'windows' ? machine.platform === 'win32' : machine.platform !== 'darwin' && machine.platform !== 'win32';
  if (!onThisSystem) {
    const system = kind === 'macos' ? 'macOS' : kind === 'windows' ? 'Windows' : 'Linux';
    throw unavailable(`the ${kind} store exists only on ${system}, not on this system (${machine.platform})`, 'Run `mtls-studio stores` to see the stores here.', kind);
  }
  if (profile !== undefined && (kind === 'macos' || kind === 'windows')) {
    throw new StudioError('USAGE', `--profile is for the nss and firefox stores, not ${kind}`, { hint: 'Leave out --profile.' });
  }
  if (kind === 'nss') {
    if (profile === undefined) return discoverStores(machine).filter((store) => store.kind === 'nss');
    return [nssDescription(machine, resolve(profile), 'NSS database')];
  }
  if (kind === 'firefox') {
    const found = discoverStores(machine).filter((store) => store.kind === 'firefox');
    if (profile !== undefined) {
      const folder = resolve(profile);
      if (!existsSync(folder) || !statSync(folder).isDirectory()) {
        throw unavailable(`'${profile}' is not a Firefox profile folder`, 'Give the folder that holds prefs.js and cert9.db (about:profiles in Firefox shows it).', kind);
      }
      return [found.find((store) => store.location === folder) ?? firefoxDescription(machine, folder, folder.split(/[\\/]/).pop() ?? folder, 'Firefox')];
    }
    if (found.length === 0) {
      throw unavailable('no Firefox profile was found (profiles.ini in ~/.mozilla/firefox, the Snap or the Flatpak folder)', 'Start Firefox once to create a profile, or give one with --profile PATH.', kind);
    }
    return found;
  }
  return discoverStores(machine).filter((store) => store.kind === kind);
}
