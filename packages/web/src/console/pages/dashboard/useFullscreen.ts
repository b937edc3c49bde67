import { useCallback, useEffect, useState, type RefObject } from 'react';

/**
 * The browser's Fullscreen API on one element. `active` follows the document (Esc leaves full screen too). Where
 * the API is refused (an embedded view, a kiosk browser without permission) the page still shows its full-screen
 * layout, covering the window.
 */
export function useFullscreen(target: RefObject<HTMLElement | null>) {
  const [active, setActive] = useState(false);

  useEffect(() => {
    const sync = () => setActive(document.fullscreenElement !== null && document.fullscreenElement === target.current);
    document.addEventListener('fullscreenchange', sync);
    return () => document.removeEventListener('fullscreenchange', sync);
  }, [target]);

  const enter = useCallback(async () => {
    const el = target.current;
    if (!el || !document.fullscreenEnabled) return false;
    try {
      await el.requestFullscreen();
      return true;
    } catch {
      return false;
    }
  }, [target]);

  const exit = useCallback(async () => {
    if (document.fullscreenElement) await document.exitFullscreen().catch(() => undefined);
  }, []);

  return { active, enter, exit };
}
