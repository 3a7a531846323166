import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The API server (npm start) listens on 3000; in development Vite serves the app and forwards
// everything the server owns, so the app always calls same-origin paths.
const API = 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The ECharts chunk (about 590 kB, 200 kB gzipped) loads only with the first chart.
    chunkSizeWarningLimit: 650,
  },
  server: {
    proxy: { '/api': API, '/openapi.json': API, '/docs': API },
  },
});
