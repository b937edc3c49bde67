import { Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../i18n.tsx';
import type { ClueRow } from '../service.ts';
import { needsReview, percent } from '../suggestion.ts';

/** The classifier's category with its confidence; a low one is marked 待人工判断. */
export function SuggestionTag({ suggestions }: { suggestions: ClueRow['suggestions'] }) {
  const { t } = useI18n();
  if (!suggestions) return <Typography.Text type="secondary">{t('clues.suggestion.none')}</Typography.Text>;
  return (
    <Space size={4} wrap>
      <Tag>{suggestions.category ?? '—'}</Tag>
      {suggestions.confidence !== null ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('clues.suggestion.confidence', { value: percent(suggestions.confidence) })}
        </Typography.Text>
      ) : null}
      {needsReview(suggestions) ? (
        <Tag color="orange" data-testid="needs-review">
          {t('clues.suggestion.review')}
        </Tag>
      ) : null}
    </Space>
  );
}
