/**
 * A course's sessions: time, place or online link, seats; enterprise users enrol and cancel here, officers open
 * the roster and edit the session.
 */
import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { testId } from '../../../ui/test-id.ts';
import type { SessionItem } from '../training.api.ts';
import { trainingText } from '../training.messages.ts';

export interface SessionActions {
  /** Enterprise users: enrol and cancel. */
  mayEnrol: boolean;
  /** Officers and the leader: the roster; officers also edit. */
  mayRoster: boolean;
  mayManage: boolean;
  busy: boolean;
  onEnrol: (s: SessionItem) => void;
  onCancel: (s: SessionItem) => void;
  onRoster: (s: SessionItem) => void;
  onEdit: (s: SessionItem) => void;
}

export function SessionWhen({ session }: { session: SessionItem }) {
  const { locale } = useI18n();
  const end = formatDateTime(session.endsAt, locale);
  return (
    <span>
      {formatDateTime(session.startsAt, locale)} – {end.slice(-5)}
    </span>
  );
}

export function SessionWhere({ session }: { session: SessionItem }) {
  const { t } = useI18n();
  return session.mode === 'online' && session.onlineUrl ? (
    <Space size={4}>
      <Tag color="blue">{t(trainingText.online)}</Tag>
      <Typography.Link href={session.onlineUrl} target="_blank" rel="noreferrer">
        {session.onlineUrl}
      </Typography.Link>
    </Space>
  ) : (
    <Space size={4}>
      <Tag>{t(trainingText.onsite)}</Tag>
      <span>{session.place}</span>
    </Space>
  );
}

export function TrainingSessions({
  sessions,
  now,
  actions,
}: {
  sessions: SessionItem[];
  now: number;
  actions: SessionActions;
}) {
  const { t } = useI18n();
  return (
    <Table<SessionItem>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={sessions}
      locale={{ emptyText: t(trainingText.noSessions) }}
      onRow={(s) => testId(`training-session-${s.id}`)}
      scroll={{ x: 900 }}
      columns={[
        {
          key: 'time',
          title: t(trainingText.time),
          width: 230,
          render: (_v, s) => <SessionWhen session={s} />,
        },
        { key: 'where', title: t(trainingText.where), render: (_v, s) => <SessionWhere session={s} /> },
        {
          key: 'seats',
          title: t(trainingText.seats),
          width: 130,
          render: (_v, s) => (
            <span data-testid={`training-seats-${s.id}`}>
              {t(trainingText.seatsValue, { enrolled: s.enrolled, capacity: s.capacity })}
            </span>
          ),
        },
        {
          key: 'actions',
          title: '',
          width: 260,
          render: (_v, s) => {
            const started = Date.parse(s.startsAt) <= now;
            const tags = [];
            if (s.status === 'cancelled') tags.push(<Tag key="c">{t(trainingText.cancelled)}</Tag>);
            else if (Date.parse(s.endsAt) <= now) tags.push(<Tag key="e">{t(trainingText.ended)}</Tag>);
            return (
              <Space size={4} wrap>
                {tags}
                {actions.mayEnrol && s.myEnrolment ? (
                  <Tag color="green" data-testid={`training-enrolled-${s.id}`}>
                    {t(trainingText.enrolled)}
                  </Tag>
                ) : null}
                {actions.mayEnrol && s.myEnrolment && !started ? (
                  <Popconfirm
                    title={t(trainingText.cancelConfirm)}
                    onConfirm={() => actions.onCancel(s)}
                    okButtonProps={testId(`training-cancel-confirm-${s.id}`)}
                  >
                    <Button size="small" disabled={actions.busy} data-testid={`training-cancel-${s.id}`}>
                      {t(trainingText.cancelEnrolment)}
                    </Button>
                  </Popconfirm>
                ) : null}
                {actions.mayEnrol && !s.myEnrolment && s.status === 'scheduled' && !started ? (
                  <Button
                    size="small"
                    type="primary"
                    disabled={actions.busy || s.seatsLeft === 0}
                    onClick={() => actions.onEnrol(s)}
                    data-testid={`training-enrol-${s.id}`}
                  >
                    {s.seatsLeft === 0 ? t(trainingText.full) : t(trainingText.enrol)}
                  </Button>
                ) : null}
                {actions.mayRoster ? (
                  <Button
                    size="small"
                    onClick={() => actions.onRoster(s)}
                    data-testid={`training-roster-${s.id}`}
                  >
                    {t(trainingText.roster)}
                  </Button>
                ) : null}
                {actions.mayManage ? (
                  <Button
                    size="small"
                    type="link"
                    onClick={() => actions.onEdit(s)}
                    data-testid={`training-session-edit-${s.id}`}
                  >
                    {t(trainingText.editSession)}
                  </Button>
                ) : null}
              </Space>
            );
          },
        },
      ]}
    />
  );
}
