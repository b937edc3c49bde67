import { useState } from 'react';
import { Button, Dropdown } from 'antd';
import { ApiOutlined, KeyOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { ChangePasswordModal } from '../account/ChangePasswordModal.tsx';
import { TokensModal } from '../account/TokensModal.tsx';
import { TotpModal } from '../account/TotpModal.tsx';
import { useI18n } from '../i18n.tsx';
import { useSession, useSignedIn } from '../session.tsx';

type Dialog = 'password' | 'totp' | 'tokens' | null;

/** Header account menu: change password, TOTP, API tokens, sign out. */
export function UserMenu() {
  const { t } = useI18n();
  const { me } = useSignedIn();
  const { signOut } = useSession();
  const [dialog, setDialog] = useState<Dialog>(me.mustChangePassword ? 'password' : null);
  const close = () => setDialog(null);
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', icon: <LockOutlined />, label: t('account.changePassword') },
            { key: 'totp', icon: <KeyOutlined />, label: t('account.totp') },
            { key: 'tokens', icon: <ApiOutlined />, label: t('account.tokens') },
            { type: 'divider' },
            { key: 'signOut', icon: <LogoutOutlined />, label: t('account.signOut'), danger: true },
          ],
          onClick: ({ key }) => (key === 'signOut' ? void signOut() : setDialog(key as Dialog)),
        }}
      >
        <Button type="text" icon={<UserOutlined />} aria-label={t('account.menu')} data-testid="user-menu">
          {me.displayName}
        </Button>
      </Dropdown>
      <ChangePasswordModal open={dialog === 'password'} onClose={close} />
      <TotpModal open={dialog === 'totp'} onClose={close} />
      <TokensModal open={dialog === 'tokens'} onClose={close} />
    </>
  );
}
