import { useEffect, useRef, useState } from "preact/hooks";

/** How long a risky change waits, undoable, before it is applied and queued. */
export const undoSeconds = 5;

interface Pending {
  message: string;
  apply: () => Promise<unknown>;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * A risky change (closing an afspraak, withdrawing consent, declining a handover) waits a few
 * seconds before it is applied on the device and queued, with a way to undo it. Nothing is
 * lost: when the view goes away first (another client opened in the EPD), it is applied then.
 */
export function useUndoable() {
  const [pending, setPending] = useState<Pending | null>(null);
  const ref = useRef<Pending | null>(null);
  ref.current = pending;
  useEffect(
    () => () => {
      const left = ref.current;
      if (left) {
        clearTimeout(left.timer);
        void left.apply();
      }
    },
    [],
  );
  const schedule = (message: string, apply: () => Promise<unknown>) => {
    if (ref.current) clearTimeout(ref.current.timer);
    const timer = setTimeout(() => {
      ref.current = null;
      setPending(null);
      void apply();
    }, undoSeconds * 1000);
    setPending({ message, apply, timer });
  };
  const undo = () => {
    if (ref.current) clearTimeout(ref.current.timer);
    ref.current = null;
    setPending(null);
  };
  return { pending: pending?.message ?? null, schedule, undo };
}
