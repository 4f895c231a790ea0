'use client';

import { useEffect, useState } from 'react';

/**
 * A map's data, read from `dataUrl` once the page is in the browser: null while it loads,
 * 'failed' if it cannot be read (the server-drawn picture then stays in place).
 */
export function useMapPayload<T>(dataUrl: string): T | 'failed' | null {
  const [payload, setPayload] = useState<T | 'failed' | null>(null);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const response = await fetch(dataUrl);
        if (!response.ok) throw new Error(`${dataUrl}: ${response.status}`);
        const read = (await response.json()) as T;
        if (!cancelled) setPayload(read);
      } catch {
        if (!cancelled) setPayload('failed');
      }
    })();
    return () => { cancelled = true; };
  }, [dataUrl]);
  return payload;
}
