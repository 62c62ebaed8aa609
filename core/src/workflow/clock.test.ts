import { describe, expect, it } from 'vitest';
import { readHolidayCalendar } from '../registry/reference-files.node.ts';
import { clockState, dueDate, elapsedWorkingDays } from './clock.ts';

const calendar = readHolidayCalendar();

describe('working-day clocks', () => {
  it('skips the 2026 National Day week and counts the make-up Saturday when 5 working days start on 30 September', () => {
    // The shipped 2026 notice: 1–7 October off, Saturday 10 October a make-up working day.
    expect(dueDate(calendar, '2026-09-30', 5)).toBe('2026-10-13');
  });

  it('does not count the day the phase opens', () => {
    expect(dueDate(calendar, '2026-11-02', 1)).toBe('2026-11-03');
    expect(dueDate(calendar, '2026-11-02', 0)).toBe('2026-11-02');
  });

  it('moves the due day by the working days an applicant spent correcting', () => {
    expect(dueDate(calendar, '2026-11-02', 10)).toBe('2026-11-16');
    expect(dueDate(calendar, '2026-11-02', 10, [{ from: '2026-11-05', to: '2026-11-10' }])).toBe(
      '2026-11-19',
    );
  });

  it('is overdue once more working days have run than the limit', () => {
    expect(clockState(calendar, { start: '2026-11-02', limit: 10 }, '2026-11-16')).toMatchObject({
      elapsed: 10,
      remaining: 0,
      overdue: false,
      dueOn: '2026-11-16',
    });
    expect(clockState(calendar, { start: '2026-11-02', limit: 10 }, '2026-11-17')).toMatchObject({
      elapsed: 11,
      overdue: true,
    });
  });

  it('has no due day and stops counting while the application is with the applicant', () => {
    const state = clockState(
      calendar,
      { start: '2026-11-02', limit: 10, suspensions: [{ from: '2026-11-05', to: null }] },
      '2026-11-20',
    );
    expect(state).toMatchObject({ elapsed: 2, remaining: 8, dueOn: null, suspended: true, overdue: false });
  });

  it('refuses to count into a year whose holiday notice is not loaded', () => {
    expect(() => dueDate(calendar, '2026-12-20', 10)).toThrow(/outside the loaded holiday calendar/);
    expect(() => elapsedWorkingDays(calendar, '2026-12-30', '2027-01-04')).toThrow(RangeError);
  });
});
