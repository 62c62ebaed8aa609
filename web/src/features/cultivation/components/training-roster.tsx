/** A session's roster for officers: who enrolled for which enterprise, and attendance once the session started. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Modal, Radio, Table, Typography } from 'antd';
import { useI18n } from '../../../app/i18n.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { testId } from '../../../ui/test-id.ts';
import {
  listRoster,
  markAttendance,
  trainingKeys,
  type EnrolmentItem,
  type SessionItem,
} from '../training.api.ts';
import { trainingText } from '../training.messages.ts';

export function TrainingRoster({
  session,
  mayMark,
  now,
  onClose,
}: {
  session: SessionItem;
  mayMark: boolean;
  now: number;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const roster = useQuery({
    queryKey: trainingKeys.roster(session.id),
    queryFn: () => listRoster(session.id),
  });
  const started = Date.parse(session.startsAt) <= now;
  const mark = useMutation({
    mutationFn: ({ id, attended }: { id: string; attended: boolean }) => markAttendance(id, attended),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: trainingKeys.roster(session.id) }),
    onError: (error) => void message.error(t(trainingText.actionFailed, { message: error.message })),
  });
  return (
    <Modal
      open
      width={860}
      footer={null}
      onCancel={onClose}
      title={t(trainingText.rosterTitle, {
        course: session.courseTitle,
        time: formatDateTime(session.startsAt, locale),
      })}
    >
      <div data-testid="training-roster">
        {roster.error ? <Alert type="error" showIcon title={roster.error.message} /> : null}
        {mayMark && !started ? (
          <Typography.Paragraph type="secondary">{t(trainingText.attendanceLater)}</Typography.Paragraph>
        ) : null}
        <Table<EnrolmentItem>
          rowKey="id"
          size="small"
          loading={roster.isFetching}
          dataSource={roster.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t(trainingText.nobodyEnrolled) }}
          onRow={(e) => testId(`training-roster-row-${e.id}`)}
          columns={[
            { key: 'participant', title: t(trainingText.participant), dataIndex: 'participant' },
            {
              key: 'enterprise',
              title: t(trainingText.enterprise),
              render: (_v, e) => e.enterpriseName ?? e.enterpriseUscc,
            },
            {
              key: 'enrolledAt',
              title: t(trainingText.enrolledAt),
              dataIndex: 'enrolledAt',
              render: (v: string) => formatDateTime(v, locale),
            },
            {
              key: 'attendance',
              title: t(trainingText.attendance),
              render: (_v, e) =>
                mayMark && started ? (
                  <Radio.Group
                    size="small"
                    optionType="button"
                    value={e.attended === null ? undefined : e.attended ? 'yes' : 'no'}
                    onChange={(ev) => mark.mutate({ id: e.id, attended: ev.target.value === 'yes' })}
                    options={[
                      {
                        value: 'yes',
                        label: (
                          <span data-testid={`training-attend-${e.id}`}>{t(trainingText.attended)}</span>
                        ),
                      },
                      {
                        value: 'no',
                        label: <span data-testid={`training-absent-${e.id}`}>{t(trainingText.absent)}</span>,
                      },
                    ]}
                  />
                ) : (
                  t(
                    e.attended === null
                      ? trainingText.notMarked
                      : e.attended
                        ? trainingText.attended
                        : trainingText.absent,
                  )
                ),
            },
          ]}
        />
      </div>
    </Modal>
  );
}
