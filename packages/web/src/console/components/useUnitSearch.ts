import { useEffect, useState } from 'react';
import { searchUnits, type Unit } from '../services/org.ts';

export interface SearchState<T> {
  results: T[];
  loading: boolean;
  /** The text typed so far (the search runs once typing pauses). */
  onSearch: (q: string) => void;
}

/**
 * Results of `search(q)` for the text typed last, `delayMs` after typing pauses; the answer of an older query that
 * arrives late is dropped. `search` must be stable (a module function or memoised), or every render searches again.
 */
export function useDebouncedSearch<T>(search: (q: string) => Promise<T[]>, delayMs = 250): SearchState<T> {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<T[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      search(q).then(
        (items) => live && (setResults(items), setLoading(false)),
        () => live && setLoading(false),
      );
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, search, delayMs]);

  return { results, loading, onSearch: setQ };
}

/** Units in the signed-in user's scope matching the text typed (`/api/units?q=`), debounced. */
export function useUnitSearch(): SearchState<Unit> {
  return useDebouncedSearch(searchUnits);
}
