import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Two entry points, two bundles: a phone opening the portal (/) never downloads the console (/console/).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      input: { portal: resolve(__dirname, 'index.html'), console: resolve(__dirname, 'console/index.html') },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
