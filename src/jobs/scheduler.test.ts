import { expect, it } from 'vitest';
import { describeEachEngine } from '../test-support/engines.ts';
import { acquireLease } from './leases.repository.ts';
import { JobScheduler } from './scheduler.ts';

describeEachEngine('job scheduler', (db) => {
  it('lets one holder at a time hold a lease, and takes over an expired one', async () => {
    const t0 = '2026-01-01T00:00:00.000Z';
    const t1 = '2026-01-01T00:00:30.000Z';
    const t2 = '2026-01-01T00:01:00.000Z';
    expect(await acquireLease(db(), 'test.lease', 'a', t0, t1)).toBe(true);
    expect(await acquireLease(db(), 'test.lease', 'b', t0, t1)).toBe(false);
    expect(await acquireLease(db(), 'test.lease', 'a', t0, t2)).toBe(true); // renewal
    expect(await acquireLease(db(), 'test.lease', 'b', '2026-01-01T00:02:00.000Z', t2)).toBe(true);
  });

  it('runs an exclusive job on one of two instances only', async () => {
    let runs = 0;
    const job = { name: `test.exclusive.${Math.random()}`, everyMs: 60_000, exclusive: true };
    const a = new JobScheduler(db()).add({ ...job, run: async () => void runs++ });
    const b = new JobScheduler(db()).add({ ...job, run: async () => void runs++ });
    await a.runNow(job.name);
    await b.runNow(job.name);
    await a.runNow(job.name);
    expect(runs).toBe(2); // a twice, b never
    await a.stop();
    await b.runNow(job.name); // a released its lease on stop
    expect(runs).toBe(3);
    await b.stop();
  });

  it('runs per-instance jobs everywhere and reports errors', async () => {
    const errors: string[] = [];
    const s = new JobScheduler(db(), { onError: (name) => errors.push(name) });
    s.add({
      name: 'boom',
      everyMs: 60_000,
      exclusive: false,
      run: async () => {
        throw new Error('boom');
      },
    });
    await s.runNow('boom');
    expect(errors).toEqual(['boom']);
    await s.stop();
    expect(await s.runNow('boom')).toBe(false);
  });
});
