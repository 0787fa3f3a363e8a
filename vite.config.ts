import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/** The dashboard: sources in app/web, built into dist/web, which app/server serves. */
export default defineConfig({
  root: fileURLToPath(new URL('./app/web', import.meta.url)),
  plugins: [svelte({ configFile: false })],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // Plot, d3 and Arrow make one ~520 kB chunk; the dashboard is served locally, not over a CDN.
    chunkSizeWarningLimit: 1024,
  },
  server: {
    // The API answers only to its own host and takes changes only from its own origin
    // (app/server/request-guard.ts): the dev server's proxy speaks as a page of 127.0.0.1:3000.
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: true, headers: { origin: 'http://127.0.0.1:3000' } } },
  },
});
