// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { UnitPicker } from '../../src/console/components/UnitPicker.tsx';
import { stubFetch, type SentRequest } from './fetchStub.ts';
import { renderConsole } from './render.tsx';

const CHOSEN = { id: '7d3f1a52-9c4e-4b7a-8e21-5f6a7b8c9d01', name: '湖州市交通运输局', kind: 'department' };
const FOUND = { id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', name: '湖州市教育局', kind: 'department' };
let sent: SentRequest[] = [];

beforeEach(() => {
  sent = stubFetch((url) => ({
    body: url.startsWith('/api/units/') ? CHOSEN : { items: [FOUND], total: 1, page: 1, pageSize: 20 },
  }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

test('a chosen unit outside the first search results shows its name, not its id; the search is debounced once', async () => {
  renderConsole(<UnitPicker value={CHOSEN.id} />);
  await waitFor(() => expect(screen.getByTitle(CHOSEN.name)).toBeTruthy());
  expect(screen.queryByText(CHOSEN.id)).toBeNull();
  const urls = () => sent.map((r) => r.url);
  await waitFor(() => expect(urls().filter((u) => u.startsWith('/api/units?'))).toEqual(['/api/units?pageSize=20']));
  expect(urls()).toContain(`/api/units/${CHOSEN.id}`);
});
