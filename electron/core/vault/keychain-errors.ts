import { StudioError } from '../../common/errors';

/** Names the keychain of this platform in messages. */
export function keychainName(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'the macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'the Secret Service (GNOME Keyring, KeePassXC…)';
}

/** Which service is missing, and how to get it going: the hint of every KEYCHAIN_UNAVAILABLE. */
export function keychainHint(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') {
    return 'Unlock the login keychain in Keychain Access and allow mtls-studio when macOS asks. Listing and showing identities still works meanwhile.';
  }
  if (platform === 'win32') {
    return 'Start the Credential Manager service (services.msc → "Credential Manager", or `sc start VaultSvc` as administrator). Listing and showing identities still works meanwhile.';
  }
  return (
    'Private keys are kept only behind the Secret Service (org.freedesktop.secrets on the D-Bus session bus); there is no plaintext fallback. ' +
    'Start and unlock GNOME Keyring or KeePassXC (Secret Service integration) in your desktop session. ' +
    'Without a desktop, start a session bus with `dbus-run-session -- bash`, then `gnome-keyring-daemon --unlock --components=secrets --daemonize` ' +
    '(it reads the unlock password from standard input). Listing and showing identities still works meanwhile.'
  );
}

/** A readable cause from the platform error, without echoing its text (it can carry paths and library internals). */
function reason(cause: unknown): string {
  const text = cause instanceof Error ? `${cause.message} ${String((cause as { cause?: unknown }).cause ?? '')}` : String(cause);
  if (/DBUS_SESSION_BUS_ADDRESS|autolaunch|Failed to connect to socket|Connection refused/i.test(text)) return 'no D-Bus session bus is running';
  if (/did not receive a reply|ServiceUnknown|not provided by any \.service|org\.freedesktop\.secrets|NoReply/i.test(text)) {
    return 'no Secret Service answered on the D-Bus session bus';
  }
  if (/locked|unlock|dismissed|prompt/i.test(text)) return 'the keychain is locked';
  if (/denied|not allowed|permission/i.test(text)) return 'access was denied';
  if (/Cannot find module|not load|native binding/i.test(text)) return 'the keychain module could not be loaded on this system';
  return 'the keychain reported an error';
}

/**
 * `what` says what was being done, naming the identity: "store the key of 'Partner A'".
 */
export function keychainUnavailable(what: string, cause: unknown, platform: NodeJS.Platform = process.platform): StudioError {
  return new StudioError('KEYCHAIN_UNAVAILABLE', `cannot ${what}: ${keychainName(platform)} is not available (${reason(cause)})`, {
    hint: keychainHint(platform),
    cause,
  });
}
