// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { expect, test } from 'vitest';
import { publicClueSubmitBody } from '@rectify/domain/schemas/clues';
import { emptyDraft, toSubmitBody, useDraftKey, validateDraft } from '../../src/portal/pages/report/draft.ts';

const filled = () => ({
  ...emptyDraft(),
  title: '  路灯不亮  ',
  body: '小区门口的路灯坏了两个星期。',
  regionCode: '330502',
});

test('one idempotency key per draft: stable across renders and retries, new only for a new report', () => {
  const { result, rerender } = renderHook(() => useDraftKey());
  const first = result.current.key;
  expect(first.length).toBeGreaterThanOrEqual(8);
  rerender();
  rerender();
  expect(result.current.key).toBe(first);
  act(() => result.current.renew());
  expect(result.current.key).not.toBe(first);
});

test('the submit body is what the server schema accepts: trimmed, empty optionals left out, the key attached', () => {
  const body = toSubmitBody(filled(), 'key-12345678');
  expect(body).toEqual({
    title: '路灯不亮',
    body: '小区门口的路灯坏了两个星期。',
    category: undefined,
    regionCode: '330502',
    address: undefined,
    anonymous: false,
    idempotencyKey: 'key-12345678',
  });
  expect(publicClueSubmitBody.safeParse(body).success).toBe(true);
  expect(validateDraft(body)).toEqual({});
});

test('an anonymous report carries no contact; a named one does; the honeypot is sent only when filled', () => {
  const contact = { name: '张三', phone: '13800138000', email: '' };
  const named = toSubmitBody({ ...filled(), contact }, 'key-12345678');
  expect(named.contact).toEqual({ name: '张三', phone: '13800138000', email: undefined });
  expect(toSubmitBody({ ...filled(), contact, anonymous: true }, 'key-12345678').contact).toBeUndefined();
  expect('website' in named).toBe(false);
  expect(toSubmitBody({ ...filled(), website: 'http://spam' }, 'key-12345678').website).toBe('http://spam');
});

test('validation names each field with the server schema’s own message', () => {
  const errors = validateDraft(
    toSubmitBody(
      { ...filled(), title: 'x', body: '', regionCode: '33', contact: { name: '', phone: 'abc', email: 'no' } },
      'key-12345678',
    ),
  );
  expect(errors).toMatchObject({
    title: '标题至少 2 个字',
    body: '内容至少 5 个字',
    regionCode: '行政区划代码应为 6 位或 9 位数字',
    'contact.phone': '电话号码格式不正确',
    'contact.email': '电子邮箱格式不正确',
  });
});
