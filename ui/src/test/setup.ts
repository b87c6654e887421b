import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach } from 'vitest';

// Areas load their code on the first visit (their own chunks, as in the app). In tests that
// first visit imports and transforms the area's modules on demand, which on a busy machine can
// take more than the default second (several on a loaded CI machine), so findBy…/waitFor wait up
// to ten seconds.
configure({ asyncUtilTimeout: 10_000 });

// jsdom has no matchMedia; Cove asks it about colour scheme, contrast and reduced motion.
if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  });
}

// axe-core probes canvas for icon ligatures; jsdom has no canvas, so say so quietly.
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;

beforeEach(() => {
  document.documentElement.lang = 'en';
  document.documentElement.removeAttribute('style');
});

afterEach(() => {
  cleanup();
  clearMocks();
});
