/**
 * The save of a dialog: runs it, says it is saved, refreshes the queries under `refresh` and closes the dialog;
 * a failure stays on the mutation's `error` for the dialog to show (FormModal's `error`).
 */
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { useI18n, type Text } from '../app/i18n.tsx';

export function useSaveAndClose<T>(
  save: () => Promise<T>,
  saved: Text,
  onClose: () => void,
  refresh: QueryKey,
) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: save,
    onSuccess: async () => {
      void message.success(t(saved));
      await queryClient.invalidateQueries({ queryKey: refresh });
      onClose();
    },
  });
}
