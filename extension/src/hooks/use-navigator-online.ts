import { useEffect, useState } from "preact/hooks";

/** The browser's own word that there is no network; a "yes" proves nothing (only an answer does). */
export function useNavigatorOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    addEventListener("online", update);
    addEventListener("offline", update);
    return () => {
      removeEventListener("online", update);
      removeEventListener("offline", update);
    };
  }, []);
  return online;
}
