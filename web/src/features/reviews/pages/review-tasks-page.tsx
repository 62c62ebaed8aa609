/**
 * 评审任务: the expert's assignments — every application of the calls whose drawn panel seats them — with the
 * review window and where each review stands. A review opens only while its window is open.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Table } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../app/i18n.tsx';
import { Page } from '../../../ui/page.tsx';
import { StatusTag, WindowTag } from '../components/review-tags.tsx';
import { listAssignments, reviewKeys, type AssignmentItem } from '../reviews.api.ts';
import { reviewsText } from '../reviews.messages.ts';

export function ReviewTasksPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const tasks = useQuery({ queryKey: reviewKeys.assignments, queryFn: listAssignments });
  return (
    <Page title={t(reviewsText.tasksTitle)}>
      {tasks.error ? (
        <Alert type="error" showIcon title={t(reviewsText.loadFailed, { message: tasks.error.message })} />
      ) : (
        <Card>
          <Table<AssignmentItem>
            rowKey="applicationId"
            loading={tasks.isPending}
            dataSource={tasks.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: t(reviewsText.noTasks) }}
            onRow={(a) =>
              ({ 'data-testid': `task-row-${a.applicationId}` }) as React.HTMLAttributes<HTMLElement>
            }
            columns={[
              { title: t(reviewsText.call), dataIndex: 'callTitle' },
              { title: t(reviewsText.enterprise), dataIndex: 'enterpriseName' },
              { title: t(reviewsText.project), render: (_v, a) => a.projectTitle ?? '—' },
              { title: t(reviewsText.window), render: (_v, a) => <WindowTag window={a.window} /> },
              { title: t(reviewsText.status), render: (_v, a) => <StatusTag status={a.status} /> },
              {
                key: 'open',
                render: (_v, a) => (
                  <Button
                    size="small"
                    type={a.status === 'submitted' || a.status === 'conflicted' ? 'default' : 'primary'}
                    disabled={a.window.state !== 'open'}
                    onClick={() => void navigate(`/reviews/applications/${a.applicationId}`)}
                    data-testid="task-open"
                  >
                    {t(reviewsText.open)}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      )}
    </Page>
  );
}
