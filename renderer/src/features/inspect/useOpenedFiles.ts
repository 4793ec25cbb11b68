import { useEffect, useRef } from 'react';
import { studio } from '../../lib/studio';

/**
 * Files the OS handed to the app — "Open with", a drop on the dock or taskbar icon, a second launch, File → Open
 * Files… — are passed to `onPaths`: those that arrived before the renderer listened are taken once on mount,
 * later ones come as events.
 */
export function useOpenedFiles(onPaths: (paths: string[]) => void): void {
  const latest = useRef(onPaths);
  useEffect(() => {
    latest.current = onPaths;
  });
  useEffect(() => {
    const unsubscribe = studio().app.onFilesOpened(({ paths }) => latest.current(paths));
    // delivered even if this effect was cleaned up meanwhile (StrictMode runs effects twice in development):
    // main hands the waiting files out once, to the first take
    void studio()
      .app.takeOpenedFiles()
      .then((result) => {
        if (result.ok && result.value.paths.length > 0) latest.current(result.value.paths);
      });
    return unsubscribe;
  }, []);
}
