import type { ComponentType, JSX } from "preact";
import { useEffect, useState } from "preact/hooks";

/**
 * A component whose code is loaded when it is first shown (a dynamic import: its own chunk), so
 * the panel's first render does not wait on it. Renders nothing until the code is there (a few
 * milliseconds from the extension's own files); once loaded, every later mount is immediate.
 * `preload()` fetches it ahead, say when the panel is idle.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> & { preload(): Promise<void> } {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const start = () => {
    loading ??= load().then((component) => {
      loaded = component;
      return component;
    });
    return loading;
  };
  function Lazy(props: P): JSX.Element | null {
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (component) return;
      let current = true;
      void start().then((c) => current && setComponent(() => c));
      return () => {
        current = false;
      };
    }, [component]);
    const Component = component;
    return Component ? <Component {...props} /> : null;
  }
  return Object.assign(Lazy, { preload: () => start().then(() => undefined) });
}
