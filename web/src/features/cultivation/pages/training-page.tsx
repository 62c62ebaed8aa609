/**
 * 政策培训: the 高企 policy course catalogue with each course's sessions. Enterprise users enrol and cancel (before
 * the start) and see their enrolments; officers and administrators keep courses and sessions and mark attendance
 * on a session's roster; the leader reads everything.
 */
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Empty, Flex, Space, Switch, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { trainingTopicLabels } from '@jinke/core/cultivation/training.contract.ts';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/i18n.tsx';
import { menuEntries } from '../../../app/menu.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { Page } from '../../../ui/page.tsx';
import { CourseFormModal, SessionFormModal } from '../components/training-forms.tsx';
import { TrainingRoster } from '../components/training-roster.tsx';
import { SessionWhen, SessionWhere, TrainingSessions } from '../components/training-sessions.tsx';
import {
  cancelEnrolment,
  enrol,
  listCourses,
  listMine,
  listSessions,
  trainingKeys,
  type CourseItem,
  type SessionItem,
} from '../training.api.ts';
import { trainingText } from '../training.messages.ts';

export function TrainingPage() {
  const { t, locale } = useI18n();
  const me = useCurrentUser();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'mine' ? 'mine' : 'catalogue';
  const isEnterprise = me.role === 'enterprise';
  const mayManage = me.role === 'admin' || me.role === 'officer';
  const mayRoster = mayManage || me.role === 'leader';
  const [showPast, setShowPast] = useState(false);
  const [courseForm, setCourseForm] = useState<{ course: CourseItem | null } | null>(null);
  const [sessionForm, setSessionForm] = useState<{ courseId: string; session: SessionItem | null } | null>(
    null,
  );
  const [roster, setRoster] = useState<SessionItem | null>(null);
  const courses = useQuery({ queryKey: trainingKeys.courses, queryFn: listCourses });
  const when = showPast ? 'all' : 'upcoming';
  const sessions = useQuery({ queryKey: trainingKeys.sessions(when), queryFn: () => listSessions(when) });
  // "Now" for started / ended marks is when the sessions were read, so rendering stays pure.
  const now = sessions.dataUpdatedAt;
  const mine = useQuery({
    queryKey: trainingKeys.mine,
    queryFn: listMine,
    enabled: isEnterprise && tab === 'mine',
  });

  const refresh = () => queryClient.invalidateQueries({ queryKey: trainingKeys.all });
  const act = useMutation({
    mutationFn: async (a: { kind: 'enrol' | 'cancel'; session: SessionItem; enrolmentId?: string }) => {
      if (a.kind === 'enrol') await enrol(a.session.id);
      else await cancelEnrolment(a.enrolmentId ?? '');
    },
    onSuccess: async (_r, a) => {
      void message.success(t(a.kind === 'enrol' ? trainingText.enrolledDone : trainingText.cancelDone));
      await refresh();
    },
    onError: async (error) => {
      void message.error(t(trainingText.actionFailed, { message: error.message }));
      await refresh();
    },
  });

  const sessionsOf = (courseId: string) =>
    (sessions.data?.items ?? []).filter((s) => s.courseId === courseId);
  const actions = {
    mayEnrol: isEnterprise,
    mayRoster,
    mayManage,
    busy: act.isPending,
    onEnrol: (s: SessionItem) => act.mutate({ kind: 'enrol', session: s }),
    onCancel: (s: SessionItem) => act.mutate({ kind: 'cancel', session: s, enrolmentId: s.myEnrolment?.id }),
    onRoster: (s: SessionItem) => setRoster(s),
    onEdit: (s: SessionItem) => setSessionForm({ courseId: s.courseId, session: s }),
  };
  const error = courses.error ?? sessions.error;

  const catalogue = (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Space>
          <Typography.Text type="secondary">{t(trainingText.showPast)}</Typography.Text>
          <Switch checked={showPast} onChange={setShowPast} data-testid="training-show-past" />
        </Space>
      </Flex>
      {courses.data && courses.data.items.length === 0 ? (
        <Empty description={t(trainingText.noCourses)} />
      ) : null}
      <Flex vertical gap={16}>
        {(courses.data?.items ?? []).map((c) => (
          <Card
            key={c.id}
            size="small"
            data-testid={`training-course-${c.id}`}
            title={
              <Space wrap>
                <span>{c.title}</span>
                <Tag color="geekblue">{t(trainingTopicLabels[c.topic])}</Tag>
              </Space>
            }
            extra={
              <Space>
                {c.materialsUrl ? (
                  <Typography.Link href={c.materialsUrl} target="_blank" rel="noreferrer">
                    {t(trainingText.materials)}
                  </Typography.Link>
                ) : null}
                {mayManage ? (
                  <>
                    <Button
                      size="small"
                      onClick={() => setCourseForm({ course: c })}
                      data-testid={`training-course-edit-${c.id}`}
                    >
                      {t(trainingText.editCourse)}
                    </Button>
                    <Button
                      size="small"
                      icon={<PlusOutlined />}
                      onClick={() => setSessionForm({ courseId: c.id, session: null })}
                      data-testid={`training-session-new-${c.id}`}
                    >
                      {t(trainingText.newSession)}
                    </Button>
                  </>
                ) : null}
              </Space>
            }
          >
            {c.summary ? <Typography.Paragraph type="secondary">{c.summary}</Typography.Paragraph> : null}
            <TrainingSessions sessions={sessionsOf(c.id)} now={now} actions={actions} />
          </Card>
        ))}
      </Flex>
    </>
  );

  const mineList = (
    <Flex vertical gap={12} data-testid="training-mine">
      {mine.data && mine.data.items.length === 0 ? (
        <Empty description={t(trainingText.noEnrolments)} />
      ) : null}
      {(mine.data?.items ?? []).map((e) => (
        <Card key={e.id} size="small" data-testid={`training-mine-${e.session.id}`}>
          <Flex justify="space-between" wrap gap={8}>
            <Flex vertical gap={2}>
              <Typography.Text strong>{e.session.courseTitle}</Typography.Text>
              <SessionWhen session={e.session} />
              <SessionWhere session={e.session} />
            </Flex>
            <Flex vertical gap={2} align="flex-end">
              <Typography.Text type="secondary">
                {t(trainingText.enrolledAt)}：{formatDateTime(e.enrolledAt, locale)}
              </Typography.Text>
              <Tag color={e.attended === null ? 'default' : e.attended ? 'green' : 'red'}>
                {t(
                  e.attended === null
                    ? trainingText.notMarked
                    : e.attended
                      ? trainingText.attended
                      : trainingText.absent,
                )}
              </Tag>
            </Flex>
          </Flex>
        </Card>
      ))}
    </Flex>
  );

  return (
    <Page
      title={t(menuEntries.training.label)}
      extra={
        mayManage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCourseForm({ course: null })}
            data-testid="training-course-new"
          >
            {t(trainingText.newCourse)}
          </Button>
        ) : null
      }
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(trainingText.loadFailed, { message: error.message })}
        />
      ) : null}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'mine' ? { tab: 'mine' } : {}, { replace: true })}
          items={[
            {
              key: 'catalogue',
              label: <span data-testid="training-tab-catalogue">{t(trainingText.tabCatalogue)}</span>,
              children: catalogue,
            },
            ...(isEnterprise
              ? [
                  {
                    key: 'mine',
                    label: <span data-testid="training-tab-mine">{t(trainingText.tabMine)}</span>,
                    children: mineList,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {courseForm ? <CourseFormModal course={courseForm.course} onClose={() => setCourseForm(null)} /> : null}
      {sessionForm ? (
        <SessionFormModal
          courseId={sessionForm.courseId}
          session={sessionForm.session}
          onClose={() => setSessionForm(null)}
        />
      ) : null}
      {roster ? (
        <TrainingRoster session={roster} mayMark={mayManage} now={now} onClose={() => setRoster(null)} />
      ) : null}
    </Page>
  );
}
