import type { Transaction } from 'kysely';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import type { Ctx, Role } from '../units/roles.ts';

/*
 * What each feature's demo loader gets. Features build their demo through their own services,
 * acting as the demo account that would have done each step, at that step's moment of 2017:
 * `demo.as('vanphong', demoTime('2017-10-08'))` is the secretariat on 08/10/2017 at 09:00.
 * Type imports only, besides demoTime, so that this file never closes an import cycle.
 */
export interface DemoContext {
  trx: Transaction<DB>;
  /** The demo's units by key (see units.demo-data.ts). */
  unitIds: ReadonlyMap<string, number>;
  /** The context of a demo account acting at `at` (a fixed clock): its roles, its name. */
  as(username: string, at: string): Ctx;
  /** The username of the demo account holding `role` in the unit `unitKey`. */
  holder(role: Role, unitKey: string): string;
  /**
   * The clock of whoever loads the demo, for what must lie ahead of them (an article scheduled
   * a week on, which must not be published the moment the server starts).
   */
  present: Clock;
}

/** A moment of the demo in Vietnamese time, as ISO: demoTime('2017-10-08', '14:30'). */
export function demoTime(date: string, time = '09:00'): string {
  return new Date(`${date}T${time}:00+07:00`).toISOString();
}
