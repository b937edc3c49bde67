import { Tag } from 'antd';
import { useRequest } from '../../../../lib/useRequest.ts';
import { useI18n } from '../../../i18n.tsx';
import { userById } from '../service.ts';

/** Participating members by name (for those who may read users); an account outside their scope shows its short id. */
export function MemberNames({ ids }: { ids: string[] }) {
  const { t } = useI18n();
  const users = useRequest(() => Promise.all(ids.map((id) => userById(id).catch(() => null))), [ids]);
  if (!users.data) return <>{t('campaign.memberCount', { count: ids.length })}</>;
  return (
    <>
      {users.data.map((u, i) =>
        u ? (
          <Tag key={u.id} style={{ marginBottom: 4 }}>
            {u.displayName}
          </Tag>
        ) : (
          <Tag key={ids[i]}>{`${ids[i]!.slice(0, 8)}…`}</Tag>
        ),
      )}
    </>
  );
}
