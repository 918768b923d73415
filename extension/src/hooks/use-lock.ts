import { useEffect, useState } from "preact/hooks";
import { db } from "../storage/db.ts";
import { followKeyring, idleLockMs } from "../storage/follow-keyring.ts";

/** How often the panel checks for idleness, and how often use is written down at most. */
const checkEveryMs = 2_000;

/**
 * Whether the device is locked (no data key in memory); null while that is being found out. While
 * the panel is open it notes each use, and locks once nobody used it for the idle time.
 */
export function useLock(): boolean | null {
  const keys = db.keys;
  const [locked, setLocked] = useState<boolean | null>(keys ? null : false);
  useEffect(() => {
    if (!keys) return;
    let lastTouch = 0;
    const touch = () => {
      if (Date.now() - lastTouch < checkEveryMs || !keys.current()) return;
      lastTouch = Date.now();
      void keys.touch();
    };
    const events = ["pointerdown", "keydown", "wheel", "focus"] as const;
    for (const e of events) addEventListener(e, touch, { passive: true });
    const unsubscribe = keys.onChange(() => setLocked(!keys.current()));
    const check = async () => void (await keys.lockIfIdle(await idleLockMs()));
    void followKeyring(keys).then(async () => {
      await check();
      setLocked(!keys.current());
    });
    const timer = setInterval(() => void check(), checkEveryMs);
    return () => {
      for (const e of events) removeEventListener(e, touch);
      unsubscribe();
      clearInterval(timer);
    };
  }, [keys]);
  return locked;
}
