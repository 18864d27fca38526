import { describe, expect, it } from 'vitest';
import { agendaOrder } from './summary.service.ts';
import type { AgendaItemRow, MeetingUnitRow } from './meetings.tables.ts';

const invited = (unitId: number, sortOrder: number) =>
  ({ unit_id: unitId, sort_order: sortOrder }) as MeetingUnitRow;
const item = (unitId: number | null, kind = 'unit', extra = 0) =>
  ({ unit_id: unitId, kind, extra }) as AgendaItemRow;

describe('the summary’s unit order', () => {
  it('follows the agenda, then the invited units the agenda leaves out, each unit once', () => {
    const units = [invited(1, 1), invited(2, 2), invited(3, 3), invited(4, 4)];
    const agenda = [
      item(null, 'free'),
      item(3),
      item(1),
      item(3, 'unit', 1), // an extra speaker of a unit already on the agenda
      item(9), // not invited (any more): left out
      item(null, 'free'),
    ];
    expect(agendaOrder(units, agenda)).toEqual([3, 1, 2, 4]);
  });

  it('falls back on the invitation order without an agenda', () => {
    expect(agendaOrder([invited(5, 2), invited(7, 1)], [])).toEqual([7, 5]);
  });
});
