// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { UnitPicker } from '../../src/console/components/UnitPicker.tsx';
import { renderConsole } from './render.tsx';

const CHOSEN = { id: '7d3f1a52-9c4e-4b7a-8e21-5f6a7b8c9d01', name: '湖州市交通运输局', kind: 'department' };
const FOUND = { id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', name: '湖州市教育局', kind: 'department' };
let urls: string[] = [];

beforeEach(() => {
  urls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      urls.push(url);
      const body = url.startsWith('/api/units/') ? CHOSEN : { items: [FOUND], total: 1, page: 1, pageSize: 20 };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

test('a chosen unit outside the first search results shows its name, not its id; the search is debounced once', async () => {
  renderConsole(<UnitPicker value={CHOSEN.id} />);
  await waitFor(() => expect(screen.getByTitle(CHOSEN.name)).toBeTruthy());
  expect(screen.queryByText(CHOSEN.id)).toBeNull();
  await waitFor(() => expect(urls.filter((u) => u.startsWith('/api/units?'))).toEqual(['/api/units?pageSize=20']));
  expect(urls).toContain(`/api/units/${CHOSEN.id}`);
});
