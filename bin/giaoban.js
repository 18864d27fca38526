#!/usr/bin/env node
// The `giaoban` command. Runs the compiled build when there is one, else the TypeScript
// sources through tsx, so `npx giaoban` works straight after `npm install`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(fileURLToPath(built))) {
  const { runCli } = await import(built.href);
  await runCli();
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { runCli } = await import(new URL('../src/cli/main.ts', import.meta.url).href);
  await runCli();
}
