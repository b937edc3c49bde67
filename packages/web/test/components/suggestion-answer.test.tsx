// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { AnswerDialog } from '../../src/console/pages/problems/components/SuggestionDialogs.tsx';
import type { Suggestion } from '../../src/console/pages/problems/service.ts';
import { stubFetch, type SentRequest } from './fetchStub.ts';
import { renderConsole } from './render.tsx';

const SUGGESTION: Suggestion = {
  id: '6b0c1f7e-2a8e-4a55-9f3e-0d2a6f1c9b11',
  memberId: '3f1e2d4c-5b6a-4789-8a9b-0c1d2e3f4a5b',
  text: '建议在小区入口增设无障碍坡道，并公开施工进度',
  answer: null,
  answerReason: null,
  answeredAt: null,
  createdAt: '2026-11-02T01:00:00.000Z',
  version: 2,
};

let requests: SentRequest[] = [];
let reply: { status: number; body: unknown } = { status: 200, body: {} };

beforeEach(() => {
  reply = { status: 200, body: { ...SUGGESTION, answer: 'adopted', version: 3 } };
  requests = stubFetch(() => reply);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function open(onDone = vi.fn()) {
  renderConsole(
    <App>
      <AnswerDialog suggestion={SUGGESTION} onClose={vi.fn()} onDone={onDone} />
    </App>,
  );
  return onDone;
}
const ok = () => screen.getByRole('button', { name: /保\s*存/ });

test('not adopted without a real reason is refused on the reason field; nothing is sent', async () => {
  open();
  expect(screen.getByTestId('answer-suggestion-text').textContent).toBe(SUGGESTION.text);
  fireEvent.click(screen.getByLabelText('不予采纳'));
  await act(async () => {
    fireEvent.click(ok());
  });
  // An empty field is "required" (the console's wording for every empty field) …
  const reasonItem = () => screen.getByLabelText('理由').closest('.ant-form-item')!;
  await waitFor(() => expect(reasonItem().textContent).toContain('请填写此项'));
  // … a too-short one gets the domain schema's own message.
  fireEvent.change(screen.getByLabelText('理由'), { target: { value: '不可行' } });
  await act(async () => {
    fireEvent.click(ok());
  });
  await waitFor(() => expect(reasonItem().textContent).toContain('部分采纳或不予采纳须说明理由（至少 5 个字）'));
  expect(requests).toEqual([]);
});

test('adopted needs no reason and is sent at the suggestion version', async () => {
  const onDone = open();
  fireEvent.click(screen.getByLabelText('采纳'));
  await act(async () => {
    fireEvent.click(ok());
  });
  await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
  expect(requests).toEqual([
    { method: 'POST', url: `/api/suggestions/${SUGGESTION.id}/answer`, body: { version: 2, answer: 'adopted' } },
  ]);
});

test('partly adopted with a reason is sent with it; a server refusal is shown in its words', async () => {
  reply = { status: 409, body: { error: { code: 'already_answered', message: '该意见建议已答复' } } };
  const onDone = open();
  fireEvent.click(screen.getByLabelText('部分采纳'));
  fireEvent.change(screen.getByLabelText('理由'), { target: { value: '坡道已纳入明年改造计划，进度按月公开' } });
  await act(async () => {
    fireEvent.click(ok());
  });
  expect((await screen.findByRole('alert')).textContent).toContain('该意见建议已答复');
  expect(onDone).not.toHaveBeenCalled();
  expect(requests[0]!.body).toEqual({
    version: 2,
    answer: 'partly_adopted',
    reason: '坡道已纳入明年改造计划，进度按月公开',
  });
});
