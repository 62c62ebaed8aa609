import { describe, expect, it } from 'vitest';
import { dayOf, monthOfDay, yearOfDay } from './calendar.ts';

const MS_PER_DAY = 86_400_000;

describe('calendar arithmetic', () => {
  it('gives the year and month Date gives, for every day from 1600 to 2400', () => {
    const first = Date.UTC(1600, 0, 1) / MS_PER_DAY;
    const last = Date.UTC(2400, 11, 31) / MS_PER_DAY;
    let mismatches = 0;
    for (let day = first; day <= last; day++) {
      const d = new Date(day * MS_PER_DAY);
      if (yearOfDay(day) !== d.getUTCFullYear() || monthOfDay(day) !== d.getUTCMonth() + 1) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('puts the leap day and the turn of the year in the right year when the days are counted', () => {
    expect(yearOfDay(dayOf('2024-02-29'))).toBe(2024);
    expect(monthOfDay(dayOf('2024-02-29'))).toBe(2);
    expect(yearOfDay(dayOf('2023-12-31'))).toBe(2023);
    expect(yearOfDay(dayOf('2024-01-01'))).toBe(2024);
    expect(monthOfDay(dayOf('2024-03-01'))).toBe(3);
    expect(yearOfDay(dayOf('1969-12-31'))).toBe(1969);
  });
});
