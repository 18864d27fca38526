import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/*
 * The workspace's first load, from the build itself: builds web/ with a Vite manifest into
 * bench/out/web (dist/web is left alone) and prints the largest chunk and what the sign-in page
 * and the home page transfer gzip-compressed — index.html, the entry's chunks and CSS, and the
 * chunks each route loads on top of them (its lazy modules and their static imports).
 *
 *   npm run bench -- web
 *
 * A route's lazy modules: the sign-in page's and the home page's own files, and for home every
 * section the features add (features/<name>/Home*.tsx); the home sections a user's roles do not
 * show are counted anyway, so the home figure is an upper bound.
 */

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'bench', 'out', 'web');

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function gzipSize(file: string): number {
  return zlib.gzipSync(fs.readFileSync(path.join(outDir, file)), { level: 9 }).length;
}

/** The files a chunk brings: itself, its CSS and, recursively, its static imports. */
function closure(manifest: Manifest, keys: string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the manifest`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const next of chunk.imports ?? []) visit(next);
  };
  keys.forEach(visit);
  return files;
}

/** Modules a route loads lazily; a module bundled into the entry chunk is not a key of its own. */
function lazyKeys(manifest: Manifest, pattern: RegExp): string[] {
  return Object.keys(manifest).filter((key) => pattern.test(key) && !manifest[key]!.isEntry);
}

export async function run(): Promise<void> {
  execFileSync(
    'npx',
    ['vite', 'build', '--config', 'web/vite.config.ts', '--manifest', '--outDir', outDir],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const manifest = JSON.parse(
    fs.readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8'),
  ) as Manifest;
  const entry = closure(manifest, ['index.html']);
  const html = gzipSize('index.html');

  const chunks = [...new Set(Object.values(manifest).map((c) => c.file))]
    .filter((f) => f.endsWith('.js'))
    .map((file) => ({
      file,
      size: fs.statSync(path.join(outDir, file)).size,
      gzip: gzipSize(file),
    }))
    .sort((a, b) => b.size - a.size);
  console.log('largest chunks:');
  for (const c of chunks.slice(0, 5)) {
    console.log(`  ${c.file.padEnd(44)} ${kB(c.size).padStart(10)}  gzip ${kB(c.gzip)}`);
  }

  const routes: [string, RegExp][] = [
    ['sign-in page (/app/login)', /^src\/pages\/LoginPage\.tsx$/],
    [
      'home page (/app/)',
      /^src\/pages\/(AppLayout|HomePage)\.tsx$|^src\/features\/[^/]+\/Home[^/]*\.tsx$/,
    ],
  ];
  for (const [name, pattern] of routes) {
    const files = new Set([...entry, ...closure(manifest, lazyKeys(manifest, pattern))]);
    let total = html;
    for (const file of files) total += gzipSize(file);
    console.log(`${name}: ${kB(total)} gzip in ${files.size + 1} files`);
  }
}
