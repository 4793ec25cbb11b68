import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER_NAME = 'mtls-studio';

/**
 * The data folder shared by the app and the CLI: MTLS_STUDIO_HOME, else the Electron userData location
 * for an app named mtls-studio (main pins userData to this same path so both always agree).
 */
export function dataHome(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.MTLS_STUDIO_HOME) return env.MTLS_STUDIO_HOME;
  return join(appDataFolder(env, platform), APP_FOLDER_NAME);
}

function appDataFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (platform === 'win32') return env.APPDATA ?? join(homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || join(homedir(), '.config');
}
