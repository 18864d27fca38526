import { fold } from '../text/index.ts';
import { matchRanges, snippet } from '../portal/highlight.ts';

/** How well a line answers the terms: each term it holds, and twice each pair it holds as typed. */
function lineScore(line: string, terms: readonly string[]): number {
  const words = ` ${fold(line)} `;
  let score = terms.filter((t) => matchRanges(line, [t]).length > 0).length;
  for (let i = 0; i + 1 < terms.length; i++)
    if (words.includes(` ${terms[i]} ${terms[i + 1]} `)) score += 2;
  return score;
}

/**
 * The passage of a result to show: the line (a paragraph, a directive) that best holds the
 * searched words (most of them, and those typed together found together), cut around its
 * first match and highlighted; the start of the text when no line holds any (the match was in
 * the title).
 */
export function bestSnippet(text: string, terms: readonly string[], size = 240): string {
  let best = '';
  let bestScore = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const score = lineScore(line, terms);
    if (score > bestScore) {
      best = line;
      bestScore = score;
    }
  }
  return snippet(bestScore > 0 ? best : text.replace(/\n/g, ' '), terms, size);
}
