import { useRef } from 'react';
import { Card, Input, Space, Tag, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import {
  renderTemplate,
  TEMPLATE_DEFINITIONS,
  TEMPLATE_KEYS,
  unknownTemplateVariables,
  type TemplateKey,
} from '@rectify/domain/settings/templates';
import type { MessageKey } from '../../../../locales/zh-CN/index.ts';
import { useI18n, type T } from '../../../i18n.tsx';
import { issuesUnder, restoreInheritance, shownValue, sourceOf } from '../lib/settingsDraft.ts';
import type { SectionProps } from './sectionProps.ts';
import { SettingCard } from './SettingsSections.tsx';
import { SourceControls } from './SourceTag.tsx';

/** Sample values for the preview, one per variable any template uses (worded in the UI language). */
export function sampleValues(t: T): Record<string, string> {
  const names = new Set(TEMPLATE_KEYS.flatMap((k) => TEMPLATE_DEFINITIONS[k].variables));
  return Object.fromEntries([...names].map((n) => [n, t(`settings.sample.${n}` as MessageKey)]));
}

/** Each template with its variables as chips (click inserts at the cursor), a live preview and its errors. */
export function TemplatesSection(props: SectionProps) {
  const { t } = useI18n();
  const { ctx, draft, update, canEdit, issues } = props;
  const shown = shownValue(ctx, draft, 'templates');
  const samples = sampleValues(t);
  return (
    <SettingCard title={t('settings.section.templates')} testId="settings-templates" errors={[]}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {TEMPLATE_KEYS.map((key) => (
          <TemplateEditor
            key={key}
            templateKey={key}
            body={shown[key] ?? TEMPLATE_DEFINITIONS[key].defaultBody}
            samples={samples}
            canEdit={canEdit}
            errors={issuesUnder(issues, `templates.${key}`)}
            controls={
              <SourceControls
                source={sourceOf(ctx, draft, 'templates', key)}
                canEdit={canEdit}
                label={TEMPLATE_DEFINITIONS[key].label}
                onRestore={() => update((d) => restoreInheritance(d, 'templates', key))}
              />
            }
            onChange={(body) => update((d) => ({ ...d, templates: { ...d.templates, [key]: body } }))}
          />
        ))}
      </Space>
    </SettingCard>
  );
}

function TemplateEditor({
  templateKey,
  body,
  samples,
  canEdit,
  errors,
  controls,
  onChange,
}: {
  templateKey: TemplateKey;
  body: string;
  samples: Record<string, string>;
  canEdit: boolean;
  errors: string[];
  controls: React.ReactNode;
  onChange: (body: string) => void;
}) {
  const { t } = useI18n();
  const def = TEMPLATE_DEFINITIONS[templateKey];
  const area = useRef<TextAreaRef>(null);
  // Shown as the user types, before the schema's wording arrives with the rest of the draft's issues.
  const unknown = unknownTemplateVariables(templateKey, body);

  const insert = (variable: string) => {
    const el = area.current?.resizableTextArea?.textArea;
    const at = el ? el.selectionStart : body.length;
    const end = el ? el.selectionEnd : body.length;
    onChange(`${body.slice(0, at)}{${variable}}${body.slice(end)}`);
  };

  return (
    <Card
      size="small"
      type="inner"
      data-testid={`template-${templateKey}`}
      title={
        <Space>
          {def.label}
          <Tag>{t(`settings.template.audience.${def.audience}`)}</Tag>
        </Space>
      }
      extra={controls}
    >
      <Input.TextArea
        ref={area}
        aria-label={def.label}
        aria-invalid={unknown.length > 0 || errors.length > 0}
        disabled={!canEdit}
        autoSize={{ minRows: 2, maxRows: 5 }}
        maxLength={500}
        value={body}
        onChange={(e) => onChange(e.target.value)}
      />
      <div style={{ margin: '6px 0' }}>
        <Typography.Text type="secondary" style={{ marginRight: 8 }}>
          {t('settings.template.variables')}
        </Typography.Text>
        {def.variables.map((v) => (
          <Tag.CheckableTag key={v} checked={false} onChange={() => canEdit && insert(v)}>
            {`{${v}}`}
          </Tag.CheckableTag>
        ))}
      </div>
      {errors.length > 0
        ? errors.map((e) => (
            <Typography.Paragraph key={e} type="danger" role="alert" style={{ marginBottom: 4 }}>
              {e}
            </Typography.Paragraph>
          ))
        : null}
      <Typography.Paragraph style={{ marginBottom: 0 }} data-testid={`template-${templateKey}-preview`}>
        <Typography.Text type="secondary">{t('settings.template.preview')}</Typography.Text>
        {renderTemplate(body, samples)}
      </Typography.Paragraph>
    </Card>
  );
}
