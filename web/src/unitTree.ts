import type { Unit } from './api/types';

/** Pure helpers over the flat unit list the API returns. */

export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

const bySortOrder = (a: Unit, b: Unit) => a.sortOrder - b.sortOrder || a.id - b.id;

export function indexUnits(units: readonly Unit[]): Map<number, Unit> {
  return new Map(units.map((unit) => [unit.id, unit]));
}

/** Siblings under `parentId` (null = roots), in display order. */
export function childrenOf(units: readonly Unit[], parentId: number | null): Unit[] {
  return units.filter((unit) => unit.parentId === parentId).sort(bySortOrder);
}

/** The forest; a unit whose parent is missing from the list is shown as a root, not lost. */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const byId = indexUnits(units);
  const nodes = new Map<number, UnitNode>(units.map((unit) => [unit.id, { unit, children: [] }]));
  const roots: UnitNode[] = [];
  for (const unit of [...units].sort(bySortOrder)) {
    const node = nodes.get(unit.id);
    if (!node) continue;
    const parent = unit.parentId === null ? undefined : nodes.get(unit.parentId);
    if (parent && byId.has(unit.parentId ?? -1)) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The unit and everything below it: the places it cannot be moved under. */
export function subtreeIds(units: readonly Unit[], id: number): Set<number> {
  const result = new Set<number>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId !== null && result.has(unit.parentId) && !result.has(unit.id)) {
        result.add(unit.id);
        grew = true;
      }
    }
  }
  return result;
}

/** Ids from the root down to the unit, for expanding the tree to a selection. */
export function ancestorIds(units: readonly Unit[], id: number): number[] {
  const byId = indexUnits(units);
  const path: number[] = [];
  let current = byId.get(id);
  while (current && current.parentId !== null && !path.includes(current.parentId)) {
    path.unshift(current.parentId);
    current = byId.get(current.parentId);
  }
  return path;
}

export interface MoveTarget {
  parentId: number | null;
  /** 0-based index among the new siblings, not counting the moved unit itself. */
  position: number;
}

/**
 * Where a tree drop puts a unit: `side` is -1 (above the drop node), 1 (below) or 0 (onto it,
 * which makes it the first child). Dropping below an expanded node with children also makes it the
 * first child, as the tree draws it there.
 */
export function dropTarget(
  units: readonly Unit[],
  dragId: number,
  dropId: number,
  side: -1 | 0 | 1,
  dropExpanded: boolean,
): MoveTarget | null {
  const drop = units.find((unit) => unit.id === dropId);
  if (!drop || subtreeIds(units, dragId).has(dropId)) return null;
  const dropHasChildren = units.some((unit) => unit.parentId === dropId);
  if (side === 0 || (side === 1 && dropExpanded && dropHasChildren)) {
    return { parentId: dropId, position: 0 };
  }
  const siblings = childrenOf(units, drop.parentId).filter((unit) => unit.id !== dragId);
  const index = siblings.findIndex((unit) => unit.id === dropId);
  return { parentId: drop.parentId, position: side === -1 ? index : index + 1 };
}

/**
 * The committee a person works for, named in the workspace header: the root above the unit of
 * their first role (a unit whose parent is missing counts as a root), else the first root.
 */
export function committeeOf(units: readonly Unit[], unitIds: readonly number[]): Unit | null {
  const byId = indexUnits(units);
  let unit = unitIds.map((id) => byId.get(id)).find((u) => u !== undefined);
  const seen = new Set<number>();
  while (unit && unit.parentId !== null && byId.has(unit.parentId) && !seen.has(unit.id)) {
    seen.add(unit.id);
    unit = byId.get(unit.parentId);
  }
  return unit ?? childrenOf(units, null)[0] ?? null;
}
