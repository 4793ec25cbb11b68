/** Putting vault identities into OS and browser certificate stores, and taking them out again. */
export { createInstallService, type InstallService, type InstallServiceOptions } from './install-service';
export { discoverStores, isOnPath, type Machine } from './discovery';
export { findLinuxFirefoxProfiles, parseIni, profilesFromIni, type FirefoxProfile } from './firefox-profiles';
export { nssCommands, parseCertificateList, parseKeyList, CLIENT_CA_TRUST } from './nss-store';
export { macosCommands, windowsCommands, WINDOWS_SCRIPTS, parseMacIdentities, parseWindowsList, loginKeychain } from './os-stores';
export { withPrivateFolder, oneTimePassword } from './private-folder';
export { storeNickname } from './store';
export { runTool, type ToolRunner, type ToolOutput } from './tool-runner';
