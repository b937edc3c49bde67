// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { clueSuggestionsView, type ClueSuggestionsView } from '@rectify/domain/schemas/analytics';
import { SuggestionTag } from '../../src/console/pages/clues/components/SuggestionTag.tsx';
import { filtersFromSearch, filtersToSearch } from '../../src/console/pages/clues/filters.ts';
import { renderConsole } from './render.tsx';

afterEach(cleanup);

const suggestion = (change: Partial<ClueSuggestionsView>): ClueSuggestionsView =>
  clueSuggestionsView.parse({
    category: '城乡建设',
    unit: '市住房和城乡建设局',
    confidence: 0.9,
    needsReview: false,
    reviewThreshold: 0.84,
    duplicates: [],
    modelVersion: 'clf-test+nlp-test',
    ...change,
  });

describe('the triage queue’s classifier suggestion', () => {
  test('shows 待人工判断 exactly when the server says a person must decide', () => {
    renderConsole(<SuggestionTag suggestions={suggestion({ confidence: 0.5, needsReview: true })} />);
    expect(screen.getByTestId('needs-review').textContent).toBe('待人工判断');
    expect(screen.getByText('置信度 50%')).toBeTruthy();
    cleanup();
    // The flag is the server's (the model's own threshold), not a threshold guessed in the browser.
    renderConsole(<SuggestionTag suggestions={suggestion({ confidence: 0.5, needsReview: false })} />);
    expect(screen.queryByTestId('needs-review')).toBeNull();
    cleanup();
    renderConsole(<SuggestionTag suggestions={null} />);
    expect(screen.getByText('尚未分析')).toBeTruthy();
  });

  test('keeps the needsReview filter in the URL, dropping anything but true/false', () => {
    const f = filtersFromSearch(new URLSearchParams('needsReview=true&state=received'));
    expect(f.needsReview).toBe('true');
    expect(filtersToSearch(f).toString()).toBe('state=received&needsReview=true');
    expect(filtersFromSearch(new URLSearchParams('needsReview=maybe')).needsReview).toBeUndefined();
    expect(filtersFromSearch(new URLSearchParams('needsReview=false')).needsReview).toBe('false');
  });
});
