import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Resolve from this file, not the working directory, so `vite --config web/vite.config.ts`
// behaves the same wherever it is started.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // The server mounts the workspace under /app/ (the portal owns /).
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Vendor code changes far less often than ours: separate chunks stay cached across
        // releases. antd is not one chunk: each route's chunks carry the components it uses
        // (the sign-in page needs a form, not the table, tree or date picker), and the charts
        // (recharts) stay in a chunk loaded only by the pages that draw them (progress, tasks overview).
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/,
              priority: 20,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
});
