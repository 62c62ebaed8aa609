/** Verifies the whole hash chain on the server and says, in one line, whether it holds. */
import { Button, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n.tsx';
import { verifyAudit, type AuditVerifyResponse } from '../api.ts';
import { auditText } from '../messages.ts';

export function AuditVerify() {
  const { t } = useI18n();
  const verify = useMutation({ mutationFn: verifyAudit });

  const describe = (result: AuditVerifyResponse) =>
    result.ok
      ? t(auditText.verifyIntact, { entries: result.entries })
      : t(auditText.verifyBroken, {
          seq: result.brokenAt ?? '?',
          reason: result.reason ?? t(auditText.verifyBrokenNoReason),
          entries: result.entries,
        });

  return (
    <>
      <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
        {t(auditText.verify)}
      </Button>
      {verify.data ? (
        <Typography.Text
          strong
          type={verify.data.ok ? 'success' : 'danger'}
          data-testid="audit-verify-result"
          data-ok={String(verify.data.ok)}
          data-broken-at={verify.data.brokenAt}
        >
          {describe(verify.data)}
        </Typography.Text>
      ) : null}
      {verify.error ? (
        <Typography.Text type="danger" data-testid="audit-verify-result" data-ok="error">
          {t(auditText.verifyFailed, { message: verify.error.message })}
        </Typography.Text>
      ) : null}
    </>
  );
}
