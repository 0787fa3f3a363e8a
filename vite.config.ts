import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const webRoot = fileURLToPath(new URL('./app/web', import.meta.url));

// Vitest also reads this file; its root must stay the project root so tests/ are found.
const underVitest = Boolean(process.env.VITEST);

export default defineConfig({
  root: underVitest ? projectRoot : webRoot,
  plugins: [svelte({ configFile: false })],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // Plot, d3 and Arrow make one ~520 kB chunk; the dashboard is served locally, not over a CDN.
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
