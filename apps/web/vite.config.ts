import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `vite dev` talks to a Seam server started separately (`seam serve`, port 4400 unless SEAM_SERVER says otherwise).
const server = process.env.SEAM_SERVER ?? 'http://127.0.0.1:4400';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: server, changeOrigin: true },
      '/hooks': { target: server, changeOrigin: true },
      '/metrics': { target: server, changeOrigin: true },
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
