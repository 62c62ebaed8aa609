/** Shared set-up of the web tests: a clean DOM, storage and http client between tests. */
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { setCsrfToken, setRequestLocale, setSessionEvents } from '../lib/http.ts';

// antd pages take a while to render in happy-dom on a shared machine; the default 1 s is far too tight.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.localStorage.clear();
  setCsrfToken(null);
  setRequestLocale('zh-CN');
  setSessionEvents({});
});
