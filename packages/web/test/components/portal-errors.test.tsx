// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { ApiError, NETWORK_ERROR } from '../../src/api.ts';
import { portalT } from '../../src/portal/i18n.ts';
import { publicErrorMessage, serverFieldErrors } from '../../src/portal/lib/errors.ts';

const t = portalT('zh-CN');

test('rate limit, too large, network and server failures are worded plainly; other answers keep the server’s words', () => {
  expect(publicErrorMessage(new ApiError(429, 'rate_limited', '提交过于频繁，请稍后再试'), t)).toContain('等一分钟');
  expect(publicErrorMessage(new ApiError(413, 'payload_too_large', '请求体过大（上限 65536 字节）'), t)).toBe(
    '提交的内容太大，请删减文字后再试。',
  );
  expect(publicErrorMessage(new ApiError(0, NETWORK_ERROR, 'Failed to fetch'), t)).toContain('网络连接失败');
  expect(publicErrorMessage(new ApiError(500, 'internal', 'x'), t)).toBe('服务器暂时出了问题，请稍后再试。');
  expect(publicErrorMessage(new ApiError(422, 'guard', '答复后才能评价'), t)).toBe('答复后才能评价');
});

test('a server validation answer is put back on the fields it names', () => {
  const err = new ApiError(400, 'validation_failed', '请求内容不符合要求：标题至少 2 个字', [
    { path: 'body/title', message: '标题至少 2 个字' },
    { path: 'body/contact/phone', message: '电话号码格式不正确' },
  ]);
  expect(serverFieldErrors(err)).toEqual({ title: '标题至少 2 个字', 'contact.phone': '电话号码格式不正确' });
  expect(serverFieldErrors(new ApiError(429, 'rate_limited', 'x'))).toEqual({});
});
