import { useState } from 'react';
import { App, Button, Dropdown, Form, Input, Modal, Space } from 'antd';
import { DeleteOutlined, StarOutlined } from '@ant-design/icons';
import type { ProblemList } from '@rectify/domain/schemas/problems';
import { useI18n } from '../../../i18n.tsx';
import { deleteFilter, saveFilter, savedFilters, type SavedFilter } from '../preferences.ts';

/** Named filters of this user for this list: apply one, save the current filters under a name, delete one. */
export function SavedFilters({
  userId,
  list,
  query,
  onApply,
}: {
  userId: string;
  list: ProblemList;
  /** The current filters as a query string without paging. */
  query: string;
  onApply: (query: string) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [saved, setSaved] = useState<SavedFilter[]>(() => savedFilters(userId, list));
  const [naming, setNaming] = useState(false);
  const [form] = Form.useForm<{ name: string }>();

  const save = () => {
    const name = (form.getFieldValue('name') as string | undefined)?.trim() ?? '';
    if (!name) return form.setFields([{ name: 'name', errors: [t('form.required')] }]);
    setSaved(saveFilter(userId, { name, list, query }));
    setNaming(false);
    form.resetFields();
    message.success(t('lists.saved.done', { name }));
  };

  return (
    <Space>
      <Dropdown
        trigger={['click']}
        menu={{
          items:
            saved.length === 0
              ? [{ key: '', label: t('lists.saved.empty'), disabled: true }]
              : saved.map((f) => ({
                  key: f.name,
                  label: (
                    <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                      <span>{f.name}</span>
                      <Button
                        type="text"
                        size="small"
                        aria-label={`${t('lists.saved.delete')} ${f.name}`}
                        icon={<DeleteOutlined />}
                        onClick={(e) => {
                          e.stopPropagation();
                          setSaved(deleteFilter(userId, list, f.name));
                        }}
                      />
                    </Space>
                  ),
                })),
          onClick: ({ key }) => {
            const hit = saved.find((f) => f.name === key);
            if (hit) onApply(hit.query);
          },
        }}
      >
        <Button icon={<StarOutlined />} data-testid="saved-filters">
          {t('lists.saved.title')}
        </Button>
      </Dropdown>
      <Button onClick={() => setNaming(true)}>{t('lists.saved.save')}</Button>
      <Modal
        open={naming}
        title={t('lists.saved.save')}
        onOk={save}
        onCancel={() => setNaming(false)}
        okText={t('action.save')}
        cancelText={t('action.cancel')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name="save-filter" onFinish={save}>
          <Form.Item name="name" label={t('lists.saved.name')} required>
            <Input maxLength={30} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
