import type { Row } from './table.ts';

/** Periods, templates, unit reports, indicators and targets. */
export const reportRows: Row[] = [];
