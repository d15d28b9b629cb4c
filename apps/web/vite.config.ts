import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The dock app: built into dist/web (or WEB_OUT_DIR), served by the API under /app/. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: process.env.WEB_OUT_DIR ?? fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
});
