import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

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
  plugins: [
    // A store room often has no signal: the service worker keeps the app shell, so the app opens
    // offline; what staff record offline waits in IndexedDB (src/outbox), not in the worker.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      manifest: {
        name: 'Consignments · Dock',
        short_name: 'Dock',
        description: 'Receive, pack and send stock at the dock',
        start_url: '/app/',
        scope: '/app/',
        display: 'standalone',
        background_color: '#f6f7f9',
        theme_color: '#1f5fbf',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
        // A new build takes over at once, and the first visit is served by it too, so the app works
        // offline from the moment it has loaded once.
        skipWaiting: true,
        clientsClaim: true,
        navigateFallback: '/app/index.html',
        navigateFallbackAllowlist: [/^\/app\//],
        navigateFallbackDenylist: [/^\/api\//],
        // What a store room without signal still needs to show: the transfers last seen. The network always answers first; the copy is only for when there is none, and
        // signing out deletes it.
        runtimeCaching: [
          {
            urlPattern: ({ url, request }) => request.method === 'GET' && /^\/api\/v1\/(session|transfers(\/[0-9a-f-]{36})?)$/.test(url.pathname),
            handler: 'NetworkFirst',
            options: { cacheName: 'dock-api', expiration: { maxEntries: 200 } },
          },
        ],
      },
    }),
  ],
});
