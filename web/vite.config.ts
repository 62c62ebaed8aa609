/**
 * The web app's build. `@jinke/core` is a workspace package exporting TypeScript sources; Vite compiles them
 * like our own. antd and ECharts get chunks of their own so a change in the app does not re-download them.
 * In development `/api` goes to the server (JINKE_API_URL, default http://127.0.0.1:8080); the Host header is
 * kept so the server's same-origin check accepts the dev page's writes.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.JINKE_API_URL ?? 'http://127.0.0.1:8080', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd alone is over the default 500 kB; it is cached apart from the app code.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|echarts-for-react)[\\/]/, priority: 30 },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|@babel[\\/]runtime|dayjs)[\\/]/,
              priority: 20,
            },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
