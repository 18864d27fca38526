/** What the workspace search finds, as its results name them (pure: shared with the workspace). */
export const RESULT_KINDS = [
  'report',
  'proposal',
  'minutes',
  'conclusion',
  'task',
  'article',
] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];
