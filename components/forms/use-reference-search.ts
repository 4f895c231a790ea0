'use client';

import { useEffect, useState } from 'react';

/**
 * Searches a list too long to send whole (hromadas, Japanese municipalities, companies for staff)
 * as the person types: debounced, the previous request aborted, nothing asked below `minLength`
 * characters.
 */
export function useReferenceSearch<T>(endpoint: string, resultKey: string, minLength: number) {
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<T[]>([]);
  const [isSearching, setIsSearching] = useState(false);
  const isLongEnough = query.trim().length >= minLength;

  useEffect(() => {
    if (!isLongEnough) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setIsSearching(true);
      try {
        const response = await fetch(`${endpoint}?q=${encodeURIComponent(query.trim())}`, { signal: controller.signal });
        if (response.ok) setOptions(((await response.json()) as Record<string, T[]>)[resultKey] ?? []);
      } catch {
        // aborted by a newer query
      } finally {
        setIsSearching(false);
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [endpoint, resultKey, query, isLongEnough]);

  const visible = isLongEnough ? options : [];
  const isEmpty = isLongEnough && !isSearching && visible.length === 0;
  return { query, setQuery, visible, isSearching, isEmpty };
}
