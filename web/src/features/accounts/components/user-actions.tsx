/** The row actions of the user table: edit, reset password, unlock, disable/enable, end all sessions. */
import type { ReactNode } from 'react';
import { App as AntApp, Button, Popconfirm, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n.tsx';
import { testId } from '../../../ui/test-id.ts';
import { accountKeys, revokeUserSessions, unlockUser, updateUser, type UserItem } from '../api.ts';
import { userText } from '../users.messages.ts';

type Action = 'unlock' | 'toggle' | 'revoke';

function Confirmed({ title, onConfirm, children }: { title: string; onConfirm: () => void; children: ReactNode }) {
  return (
    <Popconfirm title={title} okButtonProps={testId('confirm-ok')} onConfirm={onConfirm} destroyOnHidden>
      {children}
    </Popconfirm>
  );
}

export function UserActions({ user, onEdit, onResetPassword }: { user: UserItem; onEdit: () => void; onResetPassword: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const name = user.displayName;

  const mutation = useMutation({
    mutationFn: async (action: Action) => {
      if (action === 'unlock') await unlockUser(user.id);
      else if (action === 'toggle') await updateUser(user.id, { disabled: !user.disabled });
      else await revokeUserSessions(user.id);
      return action;
    },
    onSuccess: async (action) => {
      const done = { unlock: userText.unlocked, revoke: userText.revokedSessions, toggle: user.disabled ? userText.enabledDone : userText.disabledDone };
      void message.success(t(done[action]));
      await queryClient.invalidateQueries({ queryKey: accountKeys.users });
    },
    onError: (error) => void message.error(error.message),
  });

  const id = user.username;
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={onEdit} data-testid={`user-edit-${id}`}>
        {t(userText.edit)}
      </Button>
      <Button type="link" size="small" onClick={onResetPassword} data-testid={`user-reset-password-${id}`}>
        {t(userText.resetPassword)}
      </Button>
      {user.locked ? (
        <Confirmed title={t(userText.unlockConfirm, { name })} onConfirm={() => mutation.mutate('unlock')}>
          <Button type="link" size="small" data-testid={`user-unlock-${id}`}>
            {t(userText.unlock)}
          </Button>
        </Confirmed>
      ) : null}
      <Confirmed
        title={t(user.disabled ? userText.enableConfirm : userText.disableConfirm, { name })}
        onConfirm={() => mutation.mutate('toggle')}
      >
        <Button type="link" size="small" danger={!user.disabled} data-testid={`user-toggle-${id}`}>
          {t(user.disabled ? userText.enable : userText.disable)}
        </Button>
      </Confirmed>
      <Confirmed title={t(userText.revokeSessionsConfirm, { name })} onConfirm={() => mutation.mutate('revoke')}>
        <Button type="link" size="small" data-testid={`user-revoke-sessions-${id}`}>
          {t(userText.revokeSessions)}
        </Button>
      </Confirmed>
    </Space>
  );
}
