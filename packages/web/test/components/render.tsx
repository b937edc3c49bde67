import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider } from '../../src/console/i18n.tsx';

/** Renders a console component inside the console's language provider (zh-CN unless stored otherwise). */
export function renderConsole(ui: ReactElement): RenderResult {
  return render(<I18nProvider>{ui}</I18nProvider>);
}
