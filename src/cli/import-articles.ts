import type { Command } from 'commander';
import type { Database } from '../db/database.ts';
import type { ImportOutcome } from '../portal/import/import.service.ts';

export interface ImportSummary {
  created: number;
  updated: number;
  failed: ImportOutcome[];
}

/** Imports legacy article files into `db`; `onFile` is called after each file. */
export async function importArticles(
  db: Database,
  paths: readonly string[],
  options: {
    category?: string;
    onStart?: (total: number) => void;
    onFile?: (o: ImportOutcome) => void;
    onBusy?: (waitMs: number) => void;
  } = {},
): Promise<ImportSummary> {
  // Loaded here, not at the top: every `giaoban` command registers this one, and the parsers
  // (HTML, sanitizer) would slow the start of all of them.
  const { findCategoryBySlug } = await import('../portal/articles.repository.ts');
  const { collectFiles, importFiles } = await import('../portal/import/import.service.ts');
  const categoryIds: number[] = [];
  if (options.category) {
    const category = await findCategoryBySlug(db, options.category);
    if (!category) throw new Error(`no category "${options.category}"`);
    categoryIds.push(category.id);
  }
  const { files, missing } = await collectFiles(paths);
  const summary: ImportSummary = { created: 0, updated: 0, failed: [...missing] };
  options.onStart?.(files.length);
  await importFiles(db, files, {
    categoryIds,
    onFile: (outcome) => {
      if (!outcome.ok) summary.failed.push(outcome);
      else if (outcome.created) summary.created++;
      else summary.updated++;
      options.onFile?.(outcome);
    },
    onBusy: options.onBusy,
  });
  return summary;
}

/** `giaoban import-articles PATH…` */
export function importArticlesCommand(program: Command): void {
  program
    .command('import-articles')
    .description(
      'import legacy portal articles (plain-text pages and saved HTML pages; folders are walked); re-importing a file updates its article',
    )
    .argument('<paths...>', 'files or folders (.txt, .html, .htm)')
    .option('--category <slug>', 'put the imported articles in this category')
    .action(async (paths: string[], opts: { category?: string }) => {
      const { SingleBar, Presets } = await import('cli-progress');
      const { readConfig } = await import('../config.ts');
      const { migrateToLatest, openDatabase } = await import('../db/database.ts');
      const db = openDatabase(readConfig());
      const bar = process.stderr.isTTY
        ? new SingleBar(
            { format: ' {bar} {value}/{total} {file}', stream: process.stderr },
            Presets.shades_classic,
          )
        : null;
      try {
        await migrateToLatest(db);
        const summary = await importArticles(db, paths, {
          category: opts.category,
          onStart: (total) => bar?.start(total, 0, { file: '' }),
          onFile: (o) => bar?.increment({ file: o.file.slice(-40) }),
          onBusy: (ms) =>
            console.error(
              `The database is busy (another process is writing): trying again in ${ms / 1000} s.`,
            ),
        });
        bar?.stop();
        const total = summary.created + summary.updated + summary.failed.length;
        console.log(
          `${total} file(s): ${summary.created} new, ${summary.updated} updated, ${summary.failed.length} failed.`,
        );
        for (const f of summary.failed) console.log(`  ${f.file}: ${f.reason ?? 'failed'}`);
        if (summary.failed.length > 0) process.exitCode = 1;
      } finally {
        bar?.stop();
        await db.destroy();
      }
    });
}
