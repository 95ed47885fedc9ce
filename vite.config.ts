/// <reference types="vitest/config" />
import { readFileSync, existsSync } from 'node:fs';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig, type Plugin } from 'vite';
import { buildCsp, securityHeaders } from './src/lib/config/csp.ts';
import { parseDeploymentConfig } from './src/lib/config/schema.ts';
import { resolveConfig, type DeploymentConfig } from './src/lib/config/defaults.ts';

/**
 * The deployment config is read at build time too: its model hosts go into the CSP, and its name and
 * colour into the web manifest. At run time the app reads and validates the same file again.
 */
function readDeploymentConfig(): DeploymentConfig {
  const path = 'public/solace.config.json';
  if (!existsSync(path)) return resolveConfig();
  const parsed = parseDeploymentConfig(JSON.parse(readFileSync(path, 'utf8')) as unknown);
  if (!parsed.ok) {
    const lines = parsed.problems.map((p) => `  ${p.field}: ${p.message}`).join('\n');
    throw new Error(`${path} is invalid:\n${lines}`);
  }
  return resolveConfig(parsed.config);
}

const deployment = readDeploymentConfig();
const name = deployment.organization.name;
const appName = typeof name === 'string' ? name : [name.en, name['zh-CN']].filter(Boolean).join(' · ');

function cspMetaTag(): Plugin {
  return {
    name: 'solace-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: buildCsp(deployment.models.hosts, { forHeader: false }),
        },
        injectTo: 'head-prepend',
      },
    ],
  };
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig({
  base: './',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  plugins: [
    svelte(),
    cspMetaTag(),
    VitePWA({
      registerType: 'prompt',
      // Registered from src/lib/pwa/service-worker.ts through workbox-window, and only after the
      // person has agreed to store things on this device.
      injectRegister: false,
      manifest: {
        name: appName,
        short_name: deployment.organization.shortName ?? 'Solace',
        description: 'A private self-help companion that runs on your device.',
        lang: deployment.locales.default,
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f7f5f0',
        theme_color: deployment.theme.color,
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // web-llm (two 6 MB chunks) and ONNX Runtime's wasm are fetched only by people who start a model;
        // they are cached at first use (below) instead of being precached for everyone.
        globIgnores: [
          '**/assets/lib-*.js',
          '**/assets/webllm.worker-*.js',
          '**/assets/transformers.web-*.js',
        ],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        // The deployment config is edited on the host after the build, so it is never precached with a
        // build-time revision: network first, the last good copy when offline.
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) =>
              sameOrigin && /\/assets\/.+\.(js|mjs|wasm)$/.test(url.pathname),
            handler: 'CacheFirst',
            options: { cacheName: 'solace-assets', expiration: { maxEntries: 30 } },
          },
          {
            urlPattern: ({ url }) => url.pathname.endsWith('/solace.config.json'),
            handler: 'NetworkFirst',
            options: { cacheName: 'solace-config', networkTimeoutSeconds: 4 },
          },
        ],
      },
    }),
  ],
  build: { target: 'es2022', sourcemap: true },
  worker: { format: 'es' },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
    headers: securityHeaders(deployment.models.hosts),
  },
  server: { host: '127.0.0.1', port: 5173 },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
