import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

// The client lives in client/ and builds to dist/client, which the server serves.
export default defineConfig({
  root: 'client',
  // Brotli and gzip copies beside each asset, made once at build time; the server picks one by
  // Accept-Encoding (server/app.ts). index.html is left alone: it is small and never cached.
  plugins: [
    react(),
    compression({ algorithms: ['brotliCompress', 'gzip'], exclude: [/\.html$/], threshold: 1024, logLevel: 'silent' }),
  ],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: { '/trpc': 'http://127.0.0.1:3000', '/api': 'http://127.0.0.1:3000', '/healthz': 'http://127.0.0.1:3000' },
  },
});
