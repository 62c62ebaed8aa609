import { describe, expect, it } from 'vitest';
import { countWorkingDays, createHolidayCalendar, isWorkingDay } from './holidays.ts';
import { readHolidayCalendar } from './reference-files.node.ts';

const calendar = readHolidayCalendar();

describe('holiday calendar', () => {
  it('covers the notice years 2015–2026', () => {
    expect([calendar.firstYear, calendar.lastYear]).toEqual([2015, 2026]);
    expect(calendar.notices.map((n) => n.year)).toEqual([
      2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
    ]);
  });

  it('reproduces the recorded working days of every calendar year', () => {
    for (let year = 2015; year <= 2026; year++) {
      expect(countWorkingDays(calendar, year), String(year)).toBe(calendar.recordedWorkingDays[String(year)]);
    }
  });

  it('treats a make-up Saturday as working and a weekday holiday as not', () => {
    expect(isWorkingDay(calendar, '2020-01-19')).toBe(true); // Sunday 调休上班
    expect(isWorkingDay(calendar, '2020-01-31')).toBe(false); // Friday, 春节 extension
    expect(isWorkingDay(calendar, '2020-02-01')).toBe(false); // original make-up day cancelled by the extension
    expect(isWorkingDay(calendar, '2020-02-03')).toBe(true);
    expect(calendar.offDays.get('2026-10-01')).toBeDefined();
  });

  it('merges a notice listing days of the previous year', () => {
    expect(isWorkingDay(calendar, '2018-12-29')).toBe(true); // Saturday, from the 2019 notice
    expect(isWorkingDay(calendar, '2018-12-31')).toBe(false);
  });

  it('refuses dates outside the loaded years rather than guessing', () => {
    expect(() => isWorkingDay(calendar, '2027-01-04')).toThrow(/outside the loaded holiday calendar/);
    expect(() => isWorkingDay(calendar, '2014-12-31')).toThrow(RangeError);
    expect(() => isWorkingDay(calendar, '2026-02-30')).toThrow(RangeError);
  });

  it('rejects a file whose dates are not real', () => {
    expect(() =>
      createHolidayCalendar({
        source: 's',
        retrieved: '2026-11-26',
        conventions: {},
        working_days_per_calendar_year: {},
        years: {
          '2030': {
            notice: 'n',
            notice_no: 'x',
            notice_date: '2029-11-01',
            notice_url: 'u',
            off: [{ date: '2030-02-30', name: '春节' }],
            workdays: [],
          },
        },
      }),
    ).toThrow();
  });
});
