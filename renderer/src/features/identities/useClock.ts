import { useEffect, useState } from 'react';

/** "Now", renewed every `everyMs`: the expiry badge of an app left open for days keeps counting correctly. */
export function useClock(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
