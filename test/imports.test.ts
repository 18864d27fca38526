import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * The shape of src/ that the architecture depends on: imports point one way (no cycle, type
 * imports and dynamic imports included), and a feature calls another feature's service, never
 * its repository.
 */

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');

/**
 * Folders that may use another feature's repositories: the command line acts as the machine's
 * operator, outside any feature's authorization (like the migrations), and the test helpers
 * build rows directly.
 */
const MAY_USE_REPOSITORIES = new Set(['cli', 'test-support']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const SPECIFIER = [
  /\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
];

/** The files of src/ each file imports (relative imports only; packages are not ours). */
export function importGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const targets = new Set<string>();
    for (const pattern of SPECIFIER) {
      for (const match of text.matchAll(pattern)) {
        const spec = match[1]!;
        if (spec.startsWith('.')) targets.add(path.resolve(path.dirname(file), spec));
      }
    }
    graph.set(file, [...targets]);
  }
  return graph;
}

/** Every cycle, as the list of files around it (Tarjan's strongly connected components). */
export function cyclesOf(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

const relative = (file: string) => path.relative(SRC, file).split(path.sep).join('/');
const folderOf = (file: string) => relative(file).split('/')[0]!;

describe('imports in src/', () => {
  const graph = importGraph(sourceFiles(SRC));

  it('finds the imports it checks', () => {
    // Guards the check itself: a parser that found nothing would pass everything below.
    const app = graph.get(path.join(SRC, 'app.ts')) ?? [];
    expect(app.map(relative)).toContain('portal/portal.routes.ts');
    const cycle = cyclesOf(
      new Map([
        ['a', ['b']],
        ['b', ['c']],
        ['c', ['a']],
        ['d', ['a']],
      ]),
    );
    expect(cycle.map((c) => [...c].sort())).toEqual([['a', 'b', 'c']]);
  });

  it('has no import cycle', () => {
    expect(cyclesOf(graph).map((cycle) => cycle.map(relative).sort())).toEqual([]);
  });

  it("has no feature importing another feature's repository", () => {
    const offending: string[] = [];
    for (const [file, targets] of graph) {
      if (MAY_USE_REPOSITORIES.has(folderOf(file))) continue;
      for (const target of targets) {
        if (!target.endsWith('.repository.ts') || !target.startsWith(SRC)) continue;
        if (folderOf(target) !== folderOf(file))
          offending.push(`${relative(file)} → ${relative(target)}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
