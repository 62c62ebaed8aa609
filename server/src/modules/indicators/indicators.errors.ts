import { defineErrors } from '@jinke/core/common/errors.ts';

/** Error codes of the indicators dashboard, in both languages. */
export const indicatorsErrors = defineErrors({
  INDICATOR_NOT_FOUND: { status: 404, zh: '没有这个指标', en: 'No such indicator' },
  INDICATOR_NO_DATA: { status: 404, zh: '该年度没有指标数据', en: 'There are no figures for that year' },
  INDICATOR_NO_RECORDS: {
    status: 404,
    zh: '该指标为填报值，没有明细记录',
    en: 'The indicator is reported, so it has no records to list',
  },
});
