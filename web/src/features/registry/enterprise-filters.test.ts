import { describe, expect, it } from 'vitest';
import {
  enterpriseExportQuery,
  enterpriseQuery,
  enterpriseSearchParams,
  readEnterpriseFilters,
  withFilter,
} from './enterprise-filters.ts';

const read = (search: string) => readEnterpriseFilters(new URLSearchParams(search));

describe('enterprise list filters', () => {
  it('reads every filter from the address and sends them to the list endpoint as the contract names them', () => {
    const filters = read(
      'q=浔兴&town=350582105&industry=C&qualification=hnte&aboveScale=true&year=2024&hitechField=40306&sort=revenue&order=desc&page=3&pageSize=50',
    );
    expect(enterpriseQuery(filters)).toEqual({
      q: '浔兴',
      town: '350582105',
      industry: 'C',
      qualification: 'hnte',
      aboveScale: 'true',
      year: 2024,
      hitechField: '40306',
      sort: 'revenue',
      order: 'desc',
      page: 3,
      pageSize: 50,
    });
  });

  it('drops values the server would refuse when the address was edited by hand', () => {
    const filters = read(
      'town=12&industry=X12&qualification=nobel&aboveScale=maybe&year=2024&hitechField=abc&sort=size&order=up&page=-1&pageSize=7',
    );
    expect(filters).toEqual({
      q: undefined,
      town: undefined,
      industry: undefined,
      qualification: undefined,
      aboveScale: undefined,
      year: undefined,
      hitechField: undefined,
      sort: undefined,
      order: undefined,
      page: 1,
      pageSize: 20,
    });
  });

  it('sends the 规上 year only together with the 规上 flag', () => {
    expect(enterpriseQuery(read('year=2024')).year).toBeUndefined();
    expect(enterpriseQuery(read('aboveScale=false&year=2024'))).toMatchObject({
      aboveScale: 'false',
      year: 2024,
    });
  });

  it('exports with the same filters and order but without paging', () => {
    const filters = read('q=拉链&town=350582105&sort=name&order=asc&page=4&pageSize=100');
    const query = enterpriseExportQuery(filters);
    expect(query).toMatchObject({ q: '拉链', town: '350582105', sort: 'name', order: 'asc' });
    expect(query).not.toHaveProperty('page');
    expect(query).not.toHaveProperty('pageSize');
  });

  it('keeps links short: defaults and empty filters stay out of the address', () => {
    expect(enterpriseSearchParams(read('')).toString()).toBe('');
    expect(enterpriseSearchParams(read('industry=13&page=2&pageSize=20')).toString()).toBe(
      'industry=13&page=2',
    );
  });

  it('goes back to page 1 when a filter changes, and forgets the year when the 规上 filter is cleared', () => {
    const before = read('aboveScale=true&year=2023&page=5');
    const town = withFilter(before, { town: '350582101' });
    expect(town).toMatchObject({ town: '350582101', aboveScale: true, year: 2023, page: 1 });
    const cleared = withFilter(before, { aboveScale: undefined });
    expect(cleared.year).toBeUndefined();
    expect(enterpriseSearchParams(cleared).toString()).toBe('');
  });
});
