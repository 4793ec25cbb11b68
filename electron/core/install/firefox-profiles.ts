import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

export interface FirefoxProfile {
  /** the profile folder (absolute); its NSS database is cert9.db/key4.db inside it */
  path: string;
  /** the Name= from profiles.ini */
  name: string;
  /** which installation: 'Firefox', 'Firefox Snap', 'Firefox Flatpak' */
  flavour: string;
}

/** Where each Firefox build keeps profiles.ini on Linux, relative to the home folder. */
export const LINUX_FIREFOX_ROOTS: { flavour: string; folder: string }[] = [
  { flavour: 'Firefox', folder: '.mozilla/firefox' },
  { flavour: 'Firefox Snap', folder: 'snap/firefox/common/.mozilla/firefox' },
  { flavour: 'Firefox Flatpak', folder: '.var/app/org.mozilla.firefox/.mozilla/firefox' },
];

/** [Section] → key=value pairs; comments (#, ;) and blank lines skipped. */
export function parseIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      current = new Map();
      sections.set(header[1]!.trim(), current);
      continue;
    }
    const eq = line.indexOf('=');
    if (current && eq > 0) current.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return sections;
}

/**
 * The profiles a profiles.ini lists: [ProfileN] sections with Path=, relative to the ini's folder when
 * IsRelative=1 (the default Firefox writes) or absolute otherwise. Listed profiles whose folder is gone are skipped.
 */
export function profilesFromIni(iniFile: string, flavour: string): FirefoxProfile[] {
  let text: string;
  try {
    text = readFileSync(iniFile, 'utf8');
  } catch {
    return [];
  }
  const root = resolve(iniFile, '..');
  const profiles: FirefoxProfile[] = [];
  for (const [section, values] of parseIni(text)) {
    if (!/^Profile\d+$/i.test(section)) continue;
    const path = values.get('Path');
    if (!path) continue;
    const relative = values.get('IsRelative') !== '0' && !isAbsolute(path);
    const folder = relative ? resolve(root, path) : resolve(path);
    if (!existsSync(folder)) continue;
    profiles.push({ path: folder, name: values.get('Name') ?? path, flavour });
  }
  return profiles;
}

/** Every Firefox profile of every Linux installation (deb/tarball, Snap, Flatpak) under `home`. */
export function findLinuxFirefoxProfiles(home: string): FirefoxProfile[] {
  const seen = new Set<string>();
  const found: FirefoxProfile[] = [];
  for (const { flavour, folder } of LINUX_FIREFOX_ROOTS) {
    for (const profile of profilesFromIni(join(home, folder, 'profiles.ini'), flavour)) {
      if (seen.has(profile.path)) continue;
      seen.add(profile.path);
      found.push(profile);
    }
  }
  return found;
}
