// Builds the renderer (React + antd) into dist/renderer. The same files are served from app://ledger/
// in Electron and from http://127.0.0.1:PORT/ in browser mode, so every URL in the output is relative.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const rendererDir = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/renderer', import.meta.url));

/**
 * The shipped CSP (index.html) is `script-src 'self'`. Vite's build emits only external scripts; this
 * fails the build if anything (a plugin, a hand edit) ever puts an inline script into index.html.
 */
function forbidInlineScripts(): Plugin {
  return {
    name: 'ledger:forbid-inline-scripts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const inline = [...html.matchAll(/<script\b([^>]*)>/gi)].filter(
          (m) => !/\bsrc\s*=/i.test(m[1] ?? ''),
        );
        if (inline.length > 0) {
          throw new Error(`index.html 含有内联脚本，违反 CSP（script-src 'self'）：${inline[0]?.[0] ?? ''}`);
        }
        if (/\son[a-z]+\s*=/i.test(html.replace(/<meta[^>]*>/gi, ''))) {
          throw new Error('index.html 含有内联事件处理（on…=），违反 CSP');
        }
      },
    },
  };
}

/**
 * Dev server only: React Fast Refresh needs a small inline preamble script, which the strict CSP
 * blocks. Relax script-src while `vite` serves; the built index.html keeps the strict policy.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'ledger:dev-csp',
    apply: 'serve',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace("script-src 'self';", "script-src 'self' 'unsafe-inline';"),
    },
  };
}

// Browser mode on old PCs: Windows 7/8 stop at Chrome/Edge 109 and Firefox 115 ESR; Electron is newer.
const devApi = process.env.LEDGER_DEV_API?.replace(/\/+$/, '');

const browserTargets = ['chrome109', 'edge109', 'firefox115', 'safari16'];

export default defineConfig({
  root: rendererDir,
  base: './',
  publicDir: false,
  clearScreen: false,
  plugins: [react(), relaxCspForDevServer(), forbidInlineScripts()],
  server: {
    host: '127.0.0.1',
    // Dev against a running browser-mode server (`npm run ledger -- serve`):
    //   LEDGER_DEV_API=http://127.0.0.1:PORT npx vite --config renderer/vite.config.ts, then open
    //   http://127.0.0.1:5173/#token=<the server's token>. The server checks Host and Origin, so the
    //   proxy presents itself as the server's own page.
    proxy: devApi
      ? { '/api/': { target: devApi, changeOrigin: true, headers: { origin: devApi } } }
      : undefined,
  },
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    target: browserTargets,
    // Every supported browser has <link rel="modulepreload">.
    modulePreload: { polyfill: false },
    // antd is one ~1 MB chunk, read from the local disk; the default 500 kB warning means nothing here.
    chunkSizeWarningLimit: 1600,
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs|@babel[\\/]runtime|classnames|clsx|stylis|@emotion)[\\/]/,
              priority: 20,
            },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
