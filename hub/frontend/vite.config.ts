/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const hub = process.env.DOCPORT_HUB_URL ?? 'http://localhost:8080';

// Served by the hub from its jar's static/ folder at the root path, so base is '/'.
export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: hub, changeOrigin: false },
      '/fhir': { target: hub, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
    // The journeys that type a whole form take seconds, more on a busy two-core machine.
    testTimeout: 20_000,
  },
});
