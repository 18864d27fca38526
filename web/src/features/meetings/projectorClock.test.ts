import { describe, expect, it } from 'vitest';
import type { ProjectorState } from '../../../../src/meetings/meetings.schema.ts';
import {
  clockOffset,
  clockText,
  countdown,
  elapsedMs,
  spentSeconds,
  type Current,
} from './projectorClock';

const at = (time: string) => Date.parse(`2017-10-11T${time}Z`);

const speaker = (over: Partial<Current> = {}): Current => ({
  itemId: 1,
  title: 'Báo cáo của Ban Tổ chức',
  unitName: 'Ban Tổ chức',
  speakerName: 'Nguyễn Thị Hoa',
  speakerPosition: 'Trưởng ban',
  plannedSeconds: 600,
  startedAt: '2017-10-11T02:00:00.000Z',
  pausedAt: null,
  pausedMs: 0,
  ...over,
});

describe('projector clock', () => {
  it('writes mm:ss, and h:mm:ss from an hour on', () => {
    expect(clockText(0)).toBe('00:00');
    expect(clockText(59.9)).toBe('00:59');
    expect(clockText(600)).toBe('10:00');
    expect(clockText(3725)).toBe('1:02:05');
  });

  it('counts down from the planned time, rounding up', () => {
    expect(countdown(speaker(), 60, at('02:00:00'))).toMatchObject({
      text: '10:00',
      phase: 'normal',
    });
    expect(countdown(speaker(), 60, at('02:00:00.400'))).toMatchObject({ text: '10:00' });
    expect(countdown(speaker(), 60, at('02:00:01'))).toMatchObject({ text: '09:59' });
    expect(countdown(speaker(), 60, at('02:08:59'))).toMatchObject({
      text: '01:01',
      phase: 'normal',
    });
  });

  it('turns to the warning colour in the last warningSeconds, and to overtime after the end', () => {
    expect(countdown(speaker(), 60, at('02:09:00'))).toMatchObject({
      text: '01:00',
      phase: 'warning',
    });
    expect(countdown(speaker(), 60, at('02:10:00'))).toMatchObject({
      text: '00:00',
      phase: 'warning',
    });
    expect(countdown(speaker(), 60, at('02:10:00.500'))).toMatchObject({
      text: '+00:00',
      phase: 'overtime',
    });
    expect(countdown(speaker(), 60, at('02:11:05'))).toMatchObject({
      text: '+01:05',
      phase: 'overtime',
      progress: 1,
    });
  });

  it('leaves pauses out and stands still while paused', () => {
    const paused = speaker({ pausedAt: '2017-10-11T02:03:00.000Z', pausedMs: 30_000 });
    expect(elapsedMs(paused, at('02:03:00'))).toBe(150_000);
    expect(elapsedMs(paused, at('02:20:00'))).toBe(150_000);
    expect(countdown(paused, 60, at('02:20:00')).text).toBe('07:30');
    const resumed = speaker({ pausedMs: 30_000 });
    expect(countdown(resumed, 60, at('02:05:30')).text).toBe('05:00');
  });

  it('puts the browser on the server clock', () => {
    const offset = clockOffset('2017-10-11T02:00:10.000Z', at('02:00:07'));
    expect(offset).toBe(3000);
    expect(countdown(speaker(), 60, at('02:00:07') + offset).text).toBe('09:50');
    expect(clockOffset('not a time', 5)).toBe(0);
  });

  it('runs the meeting total on with the current speaker, not while paused', () => {
    const state = {
      serverTime: '2017-10-11T02:01:00.000Z',
      current: speaker(),
      totals: { plannedSeconds: 3600, spentSeconds: 900, items: 6, done: 2 },
    } as ProjectorState;
    expect(spentSeconds(state, at('02:01:00'))).toBe(900);
    expect(spentSeconds(state, at('02:02:30'))).toBe(990);
    const paused = { ...state, current: speaker({ pausedAt: '2017-10-11T02:00:30.000Z' }) };
    expect(spentSeconds(paused, at('02:05:00'))).toBe(900);
    expect(spentSeconds({ ...state, current: null }, at('02:05:00'))).toBe(900);
  });
});
