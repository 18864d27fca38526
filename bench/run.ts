import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/*
 * `npm run bench` runs every bench/*.bench.ts in turn (or those named on the command line:
 * `npm run bench -- portal`). Each benchmark prints its own figures and the ratio to the
 * baseline it measures in the same run.
 */
const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
if (files.length === 0) {
  console.log('No benchmark matched.');
}
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as {
    run?: () => Promise<void>;
  };
  if (typeof mod.run !== 'function') throw new Error(`${file} must export run()`);
  await mod.run();
}
// A benchmark may leave a pool or a child's pipe open; the run is over once all have printed.
process.exit(process.exitCode ?? 0);
