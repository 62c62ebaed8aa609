/** The bureau's forms: a course (title, topic, summary, materials link) and a session (time, place or link, seats). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  trainingTopicLabels,
  trainingTopics,
  type TrainingTopic,
} from '@jinke/core/cultivation/training.contract.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { applyApiError } from '../../../lib/form-errors.ts';
import { FormModal } from '../../../ui/form-modal.tsx';
import {
  createCourse,
  createSession,
  trainingKeys,
  updateCourse,
  updateSession,
  type CourseItem,
  type SessionItem,
} from '../training.api.ts';
import { trainingText } from '../training.messages.ts';

interface CourseValues {
  title: string;
  topic: TrainingTopic;
  summary?: string;
  materialsUrl?: string;
}

const COURSE_FIELDS = ['title', 'topic', 'summary', 'materialsUrl'];

export function CourseFormModal({ course, onClose }: { course: CourseItem | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<CourseValues>();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: CourseValues) => {
      const body = {
        title: v.title,
        topic: v.topic,
        summary: v.summary ?? '',
        materialsUrl: v.materialsUrl?.trim() ? v.materialsUrl.trim() : null,
      };
      return course ? updateCourse(course.id, body) : createCourse(body);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trainingKeys.all });
      onClose();
    },
    onError: (error) => applyApiError(form, error, locale, COURSE_FIELDS),
  });
  return (
    <FormModal
      open
      title={t(course ? trainingText.editCourse : trainingText.newCourse)}
      testId="training-course-form"
      confirmLoading={save.isPending}
      onOk={() => void form.validateFields().then((v) => save.mutate(v))}
      onCancel={onClose}
      width={640}
      error={save.error}
    >
      <Form<CourseValues>
        form={form}
        layout="vertical"
        initialValues={
          course
            ? {
                title: course.title,
                topic: course.topic,
                summary: course.summary,
                materialsUrl: course.materialsUrl ?? '',
              }
            : { topic: 'recognition' }
        }
      >
        <Form.Item name="title" label={t(trainingText.title)} rules={[{ required: true, max: 100 }]}>
          <Input data-testid="training-course-title" />
        </Form.Item>
        <Form.Item name="topic" label={t(trainingText.topic)} rules={[{ required: true }]}>
          <Select
            options={trainingTopics.map((topic) => ({ value: topic, label: t(trainingTopicLabels[topic]) }))}
            data-testid="training-course-topic"
          />
        </Form.Item>
        <Form.Item name="summary" label={t(trainingText.summary)} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={4} data-testid="training-course-summary" />
        </Form.Item>
        <Form.Item name="materialsUrl" label={t(trainingText.materialsUrl)}>
          <Input placeholder="https://" data-testid="training-course-materials" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface SessionValues {
  time: [Dayjs, Dayjs];
  mode: 'onsite' | 'online';
  place?: string;
  onlineUrl?: string;
  capacity: number;
  status: 'scheduled' | 'cancelled';
}

const SESSION_FIELDS = ['mode', 'place', 'onlineUrl', 'capacity', 'status'];

export function SessionFormModal({
  courseId,
  session,
  onClose,
}: {
  courseId: string;
  session: SessionItem | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<SessionValues>();
  const queryClient = useQueryClient();
  const mode = Form.useWatch('mode', form);
  const save = useMutation({
    mutationFn: (v: SessionValues) => {
      const body = {
        startsAt: v.time[0].format(),
        endsAt: v.time[1].format(),
        mode: v.mode,
        place: v.mode === 'onsite' ? (v.place ?? null) : null,
        onlineUrl: v.mode === 'online' ? (v.onlineUrl ?? null) : null,
        capacity: v.capacity,
        status: v.status,
      };
      return session ? updateSession(session.id, body) : createSession(courseId, body);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trainingKeys.all });
      onClose();
    },
    onError: (error) => applyApiError(form, error, locale, SESSION_FIELDS),
  });
  return (
    <FormModal
      open
      title={t(session ? trainingText.editSession : trainingText.newSession)}
      testId="training-session-form"
      confirmLoading={save.isPending}
      onOk={() => void form.validateFields().then((v) => save.mutate(v))}
      onCancel={onClose}
      width={640}
      error={save.error}
    >
      <Form<SessionValues>
        form={form}
        layout="vertical"
        initialValues={
          session
            ? {
                time: [dayjs(session.startsAt), dayjs(session.endsAt)],
                mode: session.mode,
                place: session.place ?? undefined,
                onlineUrl: session.onlineUrl ?? undefined,
                capacity: session.capacity,
                status: session.status,
              }
            : { mode: 'onsite', capacity: 50, status: 'scheduled' }
        }
      >
        <Form.Item name="time" label={t(trainingText.sessionTime)} rules={[{ required: true }]}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            data-testid="training-session-time"
          />
        </Form.Item>
        <Form.Item name="mode" label={t(trainingText.mode)} rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'onsite', label: t(trainingText.onsite) },
              { value: 'online', label: t(trainingText.online) },
            ]}
            data-testid="training-session-mode"
          />
        </Form.Item>
        {mode === 'online' ? (
          <Form.Item name="onlineUrl" label={t(trainingText.onlineUrl)} rules={[{ required: true }]}>
            <Input placeholder="https://" data-testid="training-session-url" />
          </Form.Item>
        ) : (
          <Form.Item name="place" label={t(trainingText.place)} rules={[{ required: true, max: 200 }]}>
            <Input data-testid="training-session-place" />
          </Form.Item>
        )}
        <Form.Item name="capacity" label={t(trainingText.capacity)} rules={[{ required: true }]}>
          <InputNumber min={1} max={10000} precision={0} data-testid="training-session-capacity" />
        </Form.Item>
        {session ? (
          <Form.Item name="status" label={t(trainingText.status)}>
            <Radio.Group
              options={[
                { value: 'scheduled', label: t(trainingText.scheduled) },
                { value: 'cancelled', label: t(trainingText.cancelled) },
              ]}
            />
          </Form.Item>
        ) : null}
      </Form>
    </FormModal>
  );
}
