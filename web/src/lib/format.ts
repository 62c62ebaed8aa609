/** Dates as officials write them: 2026年11月26日 14:05 in Chinese, Nov 26, 2026 14:05 in English. */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Locale } from '@jinke/core/common/errors.ts';

const DATE_TIME: Record<Locale, string> = { 'zh-CN': 'YYYY年M月D日 HH:mm', 'en-US': 'MMM D, YYYY HH:mm' };
const DATE: Record<Locale, string> = { 'zh-CN': 'YYYY年M月D日', 'en-US': 'MMM D, YYYY' };

function parse(value: string | Date | null | undefined): dayjs.Dayjs | null {
  if (value === null || value === undefined || value === '') return null;
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed : null;
}

/** Formats a timestamp in the browser's time zone; '—' when absent. */
export function formatDateTime(value: string | Date | null | undefined, locale: Locale): string {
  const parsed = parse(value);
  // The locale is named per call so the text does not depend on dayjs's global locale.
  return parsed ? parsed.locale(locale === 'zh-CN' ? 'zh-cn' : 'en').format(DATE_TIME[locale]) : '—';
}

export function formatDate(value: string | Date | null | undefined, locale: Locale): string {
  const parsed = parse(value);
  return parsed ? parsed.locale(locale === 'zh-CN' ? 'zh-cn' : 'en').format(DATE[locale]) : '—';
}

/** "Chrome · Windows" from a user-agent string, enough to recognise one's own devices; null when unknown. */
export function describeUserAgent(userAgent: string | null | undefined): string | null {
  if (!userAgent) return null;
  const browser =
    /Edg\//.test(userAgent) ? 'Edge'
    : /Firefox\//.test(userAgent) ? 'Firefox'
    : /(Chrome|Chromium)\//.test(userAgent) ? 'Chrome'
    : /Safari\//.test(userAgent) ? 'Safari'
    : null;
  const system =
    /Windows/.test(userAgent) ? 'Windows'
    : /Android/.test(userAgent) ? 'Android'
    : /(iPhone|iPad)/.test(userAgent) ? 'iOS'
    : /Mac OS X/.test(userAgent) ? 'macOS'
    : /Linux/.test(userAgent) ? 'Linux'
    : null;
  const parts = [browser, system].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(' · ') : null;
}
