/*
 * The article workflow as data: each state lists the actions allowed from it and where they
 * lead. `transition` is the one place that decides; routes, the scheduler and the importer all
 * go through it.
 */

export const ARTICLE_STATES = ['draft', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleState = (typeof ARTICLE_STATES)[number];

export const ARTICLE_ACTIONS = [
  'schedule',
  'publish',
  'unschedule',
  'unpublish',
  'to_draft',
] as const;
export type ArticleAction = (typeof ARTICLE_ACTIONS)[number];

/** state → action → next state. A missing entry is a refused transition. */
export const TRANSITIONS: Record<ArticleState, Partial<Record<ArticleAction, ArticleState>>> = {
  draft: { schedule: 'scheduled', publish: 'published' },
  scheduled: { publish: 'published', unschedule: 'draft', schedule: 'scheduled' },
  published: { unpublish: 'unpublished' },
  unpublished: { publish: 'published', to_draft: 'draft' },
};

/** The state `action` leads to from `state`, or null when the workflow does not allow it. */
export function transition(state: ArticleState, action: ArticleAction): ArticleState | null {
  return TRANSITIONS[state][action] ?? null;
}

/** The actions an editor may take from `state`, in a stable order. */
export function allowedActions(state: ArticleState): ArticleAction[] {
  return ARTICLE_ACTIONS.filter((a) => transition(state, a) !== null);
}

/** True when readers may see an article in this state at `nowIso`. */
export function isPublic(state: string, publishAt: string | null, nowIso: string): boolean {
  return state === 'published' && publishAt !== null && publishAt <= nowIso;
}
