import { Forbidden } from '../http/errors.ts';
import type { Actor, Ctx } from '../units/roles.ts';

/*
 * Who may write the portal: an editor (biên tập viên), in any unit — articles belong to the
 * portal, not to a unit. Everyone signed in may read the category list. Refusals are 403:
 * the workspace does not hide that an article exists.
 */

export function canEditPortal(actor: Actor): boolean {
  return actor.roles.some((g) => g.role === 'editor');
}

export function requireEditor(ctx: Ctx): void {
  if (!canEditPortal(ctx.actor)) throw Forbidden();
}
