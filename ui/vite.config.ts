import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import optimizeLocales from '@react-aria/optimize-locales-plugin';

// Cove runs inside a Tauri webview with a strict CSP (`default-src 'self'`, no inline
// scripts or styles, no data: fonts). The build therefore never inlines assets and emits
// only external module scripts and stylesheets.
export default defineConfig({
  plugins: [
    react(),
    // Keep only React Aria's built-in strings for the languages Cove speaks.
    optimizeLocales.vite({ locales: ['en', 'es'] }),
  ],
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
    host: 'localhost',
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // WebKitGTK / WKWebView on supported systems.
    target: ['es2022', 'safari16'],
    // Never turn fonts or images into data: URIs (the CSP does not allow data: fonts).
    assetsInlineLimit: 0,
    // The polyfill would be inlined into the entry chunk; WebKit supports modulepreload.
    modulePreload: { polyfill: false },
    sourcemap: false,
    // The passphrase-strength dictionaries (zxcvbn-ts) are one lazily loaded ~1.2 MB chunk,
    // read from disk only when someone chooses a new passphrase.
    chunkSizeWarningLimit: 1300,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    restoreMocks: true,
    // Two cores shared with Rust builds: keep the pool small.
    pool: 'threads',
    poolOptions: { threads: { maxThreads: 2, minThreads: 1 } },
    testTimeout: 30_000,
    // Tests read some stylesheets as text (?raw) to check rules jsdom can't compute; other CSS
    // is not needed in tests.
    css: { include: [/tokens\.css/, /components\.css/, /help\.css/, /safety\.css/] },
  },
});
