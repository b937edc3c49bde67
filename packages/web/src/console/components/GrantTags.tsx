import { Space, Tag } from 'antd';
import type { Role } from '@rectify/domain/roles';
import { useI18n } from '../i18n.tsx';
import { RegionName, UnitName } from './Names.tsx';

export interface GrantLike {
  role: Role;
  regionCode: string | null;
  unitId: string | null;
}

/** Each grant as "role · scope". */
export function GrantTags({ grants }: { grants: readonly GrantLike[] }) {
  const { t } = useI18n();
  return (
    <Space size={[4, 4]} wrap>
      {grants.map((g, i) => (
        <Tag key={i} color="red" variant="outlined">
          {t(`role.${g.role}`)} · {g.regionCode ? <RegionName code={g.regionCode} /> : <UnitName id={g.unitId} />}
        </Tag>
      ))}
    </Space>
  );
}
