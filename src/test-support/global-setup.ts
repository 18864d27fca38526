import type { TestProject } from 'vitest/node';
import { buildTemplates, type BuiltTemplates } from './templates.ts';

/*
 * Global setup of the tiers that open databases: migrates each engine once per run and hands
 * the templates to the test files, which copy them. When several tiers run in one process they
 * share one set, built by whichever starts first and removed when the last one ends.
 */

interface Shared {
  built: Promise<BuiltTemplates>;
  users: number;
}

const KEY = Symbol.for('giaoban.test.databaseTemplates');
const registry = globalThis as { [KEY]?: Shared };

export default async function setup(project: TestProject) {
  const shared = (registry[KEY] ??= { built: buildTemplates(), users: 0 });
  shared.users++;
  project.provide('databaseTemplates', (await shared.built).templates);
  return async () => {
    shared.users--;
    if (shared.users > 0) return;
    delete registry[KEY];
    await (await shared.built).remove();
  };
}
