import { describe, expect, it } from 'vitest';
import { ViewBuffer } from './views.ts';

describe('ViewBuffer', () => {
  it('shows stored plus pending', () => {
    const b = new ViewBuffer();
    b.record(1);
    b.record(1);
    expect(b.shown(1, 551)).toBe(553);
    expect(b.shown(2, 7)).toBe(7);
  });

  it('hands out one batch at a time and keeps counting meanwhile', () => {
    const b = new ViewBuffer();
    b.record(1);
    b.record(2);
    const batch = b.take();
    expect(Object.fromEntries(batch ?? [])).toEqual({ 1: 1, 2: 1 });
    expect(b.take()).toBeNull();
    b.record(1);
    expect(b.shown(1, 10)).toBe(12); // 10 stored + 1 in flight + 1 pending
    b.committed(
      new Map([
        [1, 11],
        [2, 1],
      ]),
    );
    expect(b.shown(1, 10)).toBe(12); // 11 stored + 1 pending
    expect(Object.fromEntries(b.take() ?? [])).toEqual({ 1: 1 });
  });

  it('puts a failed batch back so nothing is lost', () => {
    const b = new ViewBuffer();
    for (let i = 0; i < 5; i++) b.record(3);
    b.take();
    b.record(3);
    b.failed();
    expect(b.size).toBe(6);
    expect(Object.fromEntries(b.take() ?? [])).toEqual({ 3: 6 });
  });

  it('never shows a count lower than one it has seen stored', () => {
    const b = new ViewBuffer();
    b.noteStored(1, 100);
    b.noteStored(1, 90);
    expect(b.shown(1, 95)).toBe(100);
    expect(b.shown(1, 120)).toBe(120);
  });
});
