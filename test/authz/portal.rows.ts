import type { Row } from './table.ts';

/** Articles and categories in the workspace. */
export const portalRows: Row[] = [];
