/** The test-file side of the private keyring: started before the tests, stopped after them. */
import { afterAll, beforeAll } from 'vitest';
import { startKeyring, type PrivateKeyring } from './private-keyring';

export { startKeyring, type PrivateKeyring } from './private-keyring';

/**
 * Starts a private keyring for this test file and points this process at it (the in-process core uses
 * DBUS_SESSION_BUS_ADDRESS like any client). The returned object is filled in before the tests run.
 */
export function useKeyring(): PrivateKeyring {
  const handle = {} as PrivateKeyring;
  let previous: string | undefined;
  beforeAll(async () => {
    Object.assign(handle, await startKeyring());
    previous = process.env.DBUS_SESSION_BUS_ADDRESS;
    process.env.DBUS_SESSION_BUS_ADDRESS = handle.env.DBUS_SESSION_BUS_ADDRESS;
  });
  afterAll(() => {
    handle.stop?.();
    if (previous === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
    else process.env.DBUS_SESSION_BUS_ADDRESS = previous;
  });
  return handle;
}
