// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { ApiError } from '../../src/api.ts';
import { ErrorAlert } from '../../src/console/components/ErrorAlert.tsx';
import { renderConsole } from './render.tsx';

afterEach(cleanup);

test('ErrorAlert shows the server message and retries on request', () => {
  const retry = vi.fn();
  renderConsole(
    <ErrorAlert error={new ApiError(422, 'validation_failed', '截止日期不能早于今天', undefined)} onRetry={retry} />,
  );
  expect(screen.getByRole('alert').textContent).toContain('截止日期不能早于今天');
  fireEvent.click(screen.getByRole('button'));
  expect(retry).toHaveBeenCalledOnce();
});
