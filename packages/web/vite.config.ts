import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** Size budgets in gzipped KB (issue #7): the phone portal stays light, the console's first screen stays usable. */
export const BUDGETS = { portal: 250, console: 600 } as const;

interface ChunkInfo {
  fileName: string;
  code: string;
  imports: string[];
  dynamicImports: string[];
  isEntry: boolean;
  facadeModuleId: string | null;
}

/** All chunks a browser fetches before running `start`: the chunk itself and its static imports, transitively. */
function staticClosure(start: string, chunks: Map<string, ChunkInfo>, into = new Set<string>()): Set<string> {
  if (into.has(start)) return into;
  into.add(start);
  for (const dep of chunks.get(start)?.imports ?? []) staticClosure(dep, chunks, into);
  return into;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Prints the gzipped JavaScript each entry needs before it can paint: the portal's initial chunks, and the
 * console's first screen (initial chunks + the lazily loaded layout, sign-in and workbench pages). Fails the build
 * when a budget is exceeded, so a heavy import cannot slip into the portal unnoticed.
 */
function bundleSizeReport(): Plugin {
  return {
    name: 'rectify-bundle-size-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkInfo>();
      for (const item of Object.values(bundle)) {
        if (item.type === 'chunk') chunks.set(item.fileName, item);
      }
      const gz = new Map<string, number>();
      const gzipOf = (file: string) => {
        if (!gz.has(file)) gz.set(file, gzipSync(chunks.get(file)?.code ?? '', { level: 9 }).length);
        return gz.get(file)!;
      };
      const sum = (files: Set<string>) => [...files].reduce((n, f) => n + gzipOf(f), 0);
      const lines: string[] = [];
      const failures: string[] = [];
      for (const entry of [...chunks.values()].filter((c) => c.isEntry)) {
        const name = entry.facadeModuleId?.includes('/console/') ? 'console' : 'portal';
        const initial = staticClosure(entry.fileName, chunks);
        lines.push(`  ${name.padEnd(8)} initial JS   ${kb(sum(initial)).padStart(10)} gzip  (${initial.size} chunks)`);
        if (name === 'console') {
          const firstScreen = new Set(initial);
          for (const c of chunks.values()) {
            if (/\/console\/(layout\/BasicLayout|pages\/(login|workbench)\/index)\.tsx$/.test(c.facadeModuleId ?? '')) {
              staticClosure(c.fileName, chunks, firstScreen);
            }
          }
          const size = sum(firstScreen);
          lines.push(`  console  first screen ${kb(size).padStart(10)} gzip  (${firstScreen.size} chunks, budget ${BUDGETS.console} KB)`);
          if (size > BUDGETS.console * 1024) failures.push(`console first screen ${kb(size)} > ${BUDGETS.console} KB`);
        } else {
          const size = sum(initial);
          lines.push(`  portal   budget ${BUDGETS.portal} KB`);
          if (size > BUDGETS.portal * 1024) failures.push(`portal initial JS ${kb(size)} > ${BUDGETS.portal} KB`);
        }
      }
      console.log(`\nbundle sizes (gzip -9):\n${lines.join('\n')}\n`);
      if (failures.length > 0) this.error(`bundle budget exceeded: ${failures.join('; ')}`);
    },
  };
}

// Two entry points, two bundles: a phone opening the portal (/) never downloads the console (/console/).
export default defineConfig({
  plugins: [react(), bundleSizeReport()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: { portal: resolve(__dirname, 'index.html'), console: resolve(__dirname, 'console/index.html') },
      output: {
        codeSplitting: {
          groups: [
            // Shared by both apps and rarely changing: cached once.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'router', test: /node_modules[\\/]react-router[\\/]/, priority: 20 },
            // Console only.
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs)[\\/]/, priority: 10 },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
