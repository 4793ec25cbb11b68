import { useEffect, useRef } from 'react';
import { showScreen } from '../../app/navigation';
import { studio } from '../../lib/studio';

/**
 * Clicking an expiry notification opens that identity. Main keeps the request until it is taken, so it survives the
 * window being created or the Identities screen not being shown yet: the navigation (always mounted) takes it,
 * switches to Identities and hands the id to the screen through this small mailbox.
 */
let waiting: string | null = null;
const readers = new Set<(id: string) => void>();

function deliver(id: string): void {
  if (readers.size === 0) {
    waiting = id;
    return;
  }
  for (const read of readers) read(id);
}

/** In the always-mounted navigation: take main's request now and whenever a notification is clicked. */
export function useExpiryOpenRequests(): void {
  useEffect(() => {
    const take = () =>
      void studio()
        .expiry.takeOpenRequest()
        .then((result) => {
          if (!result.ok || result.value === null) return;
          showScreen('identities');
          deliver(result.value.id);
        });
    const unsubscribe = studio().expiry.onOpenIdentity(() => take());
    take();
    return unsubscribe;
  }, []);
}

/** In the Identities screen: open the drawer of the identity a notification asked for. */
export function useRequestedIdentity(open: (id: string) => void): void {
  const latest = useRef(open);
  useEffect(() => {
    latest.current = open;
  });
  useEffect(() => {
    const read = (id: string) => latest.current(id);
    readers.add(read);
    if (waiting !== null) {
      const id = waiting;
      waiting = null;
      read(id);
    }
    return () => {
      readers.delete(read);
    };
  }, []);
}
