import type { ProblemList } from '@rectify/domain/schemas/problems';

/**
 * A user's own list settings, kept in this browser (localStorage) under their user id so two people sharing a
 * computer do not see each other's: named saved filters (the URL query of a list, without paging) and the columns
 * they chose per list. Nothing here is sent to the server; a broken or foreign value reads as "nothing saved".
 */
export interface SavedFilter {
  name: string;
  list: ProblemList;
  /** Query string in the API's parameter names, e.g. `warning=red&overdue=true`. */
  query: string;
}

const savedKey = (userId: string) => `rectify.lists.saved.${userId}`;
const columnsKey = (userId: string, list: ProblemList) => `rectify.lists.columns.${userId}.${list}`;

function read(key: string): unknown {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as unknown);
  } catch {
    return null;
  }
}

const isSavedFilter = (v: unknown): v is SavedFilter =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as SavedFilter).name === 'string' &&
  typeof (v as SavedFilter).list === 'string' &&
  typeof (v as SavedFilter).query === 'string';

export function savedFilters(userId: string, list: ProblemList): SavedFilter[] {
  const all = read(savedKey(userId));
  return Array.isArray(all) ? all.filter(isSavedFilter).filter((f) => f.list === list) : [];
}

/** Saves under a name; the same name on the same list is replaced. Returns the list's saved filters. */
export function saveFilter(userId: string, filter: SavedFilter): SavedFilter[] {
  const all = read(savedKey(userId));
  const others = (Array.isArray(all) ? all.filter(isSavedFilter) : []).filter(
    (f) => !(f.list === filter.list && f.name === filter.name),
  );
  localStorage.setItem(savedKey(userId), JSON.stringify([...others, filter]));
  return savedFilters(userId, filter.list);
}

export function deleteFilter(userId: string, list: ProblemList, name: string): SavedFilter[] {
  const all = read(savedKey(userId));
  const kept = (Array.isArray(all) ? all.filter(isSavedFilter) : []).filter(
    (f) => !(f.list === list && f.name === name),
  );
  localStorage.setItem(savedKey(userId), JSON.stringify(kept));
  return savedFilters(userId, list);
}

/** The chosen columns among `known`, or null when the user never chose (the page shows its defaults). */
export function chosenColumns<K extends string>(userId: string, list: ProblemList, known: readonly K[]): K[] | null {
  const value = read(columnsKey(userId, list));
  if (!Array.isArray(value)) return null;
  return known.filter((k) => value.includes(k));
}

export function chooseColumns(userId: string, list: ProblemList, columns: readonly string[]): void {
  localStorage.setItem(columnsKey(userId, list), JSON.stringify(columns));
}
