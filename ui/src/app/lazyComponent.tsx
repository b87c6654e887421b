import { lazy, useState, type ComponentType, type JSX } from 'react';

/** A component whose module is loaded on first use; see {@link lazyComponent}. */
export type LazyComponent<P> = ((props: P) => JSX.Element) & {
  /** Starts loading the module now (once); resolves when it is ready, rejects if it can't load. */
  preload: () => Promise<void>;
};

/**
 * A component that lives in its own chunk, so the lock screen and first run don't parse and keep
 * the code of every area. Render it inside a `<Suspense>`: the first render before its module
 * has arrived suspends (React.lazy). Where it appears after a click, set the state that shows it
 * in `startTransition`, so what is on screen stays there until the code has arrived (no loading
 * flash). `preload()` starts the load earlier (e.g. while the passphrase is being checked); once
 * the module is in, the component renders straight away, so a preloaded one never shows the
 * fallback (React keeps a fallback up for at least 300 ms once it has shown it).
 *
 *     const Journal = lazyComponent(() => import('../journal/Journal').then((m) => m.Journal));
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const start = () => {
    loading ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        loading = null; // the next attempt reads the chunk again
        throw error;
      },
    );
    return loading;
  };
  const Lazy = lazy(() => start().then((component) => ({ default: component })));
  // Once the module is in, a new use renders it directly (no suspending). A use that started
  // before it arrived keeps React.lazy's wrapper for good: React may resume a paused render at
  // the wrapper itself and commit it, and swapping it for the direct component at the next
  // render of the parent would be a different component type, so React would throw the area
  // away and mount it again, losing what was typed there. The type a use starts with stays.
  const Loaded = (props: P) => {
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Component {...props} />;
  };
  return Object.assign(Loaded, {
    preload: () => start().then(() => undefined),
  });
}
