/** The 科小 self-assessment form: the previous year's figures, IP, the basic conditions and direct confirmation. */
import { Card, Checkbox, Flex, Typography } from 'antd';
import { useI18n } from '../../../app/i18n.tsx';
import { stillMissing } from '../assessments.form.ts';
import { assessmentText } from '../assessments.messages.ts';
import { TSME_AMOUNTS, TSME_COUNTS, TSME_FLAGS, type TsmeForm } from '../assessments.tsme-form.ts';
import { FieldRow, TextInput, YesNoInput } from './assessment-fields.tsx';

export interface TsmeFormProps {
  form: TsmeForm;
  onChange: (update: (form: TsmeForm) => TsmeForm) => void;
  missing: ReadonlySet<string>;
  sources: ReadonlyMap<string, string>;
}

export function TsmeAssessmentForm({ form, onChange, missing, sources }: TsmeFormProps) {
  const { t } = useI18n();
  const set = <K extends keyof TsmeForm>(key: K, value: TsmeForm[K]) =>
    onChange((f) => ({ ...f, [key]: value }));
  const cert = form.direct.hnteCertificate as { issuedOn?: string } | undefined;
  const awards = Array.isArray(form.direct.nationalAwards) ? form.direct.nationalAwards.length : 0;
  return (
    <Flex vertical gap={12}>
      <Card size="small" title={t(assessmentText.sectionTsme)}>
        <Flex gap={24} wrap>
          {[...TSME_COUNTS, ...TSME_AMOUNTS].map((key) => (
            <FieldRow
              key={key}
              label={assessmentText[key]}
              missing={stillMissing(missing, key, form[key])}
              source={sources.get(key)}
              testId={`tsme-${key}`}
            >
              <TextInput
                value={form[key]}
                onChange={(v) => set(key, v)}
                testId={`tsme-${key}`}
                missing={stillMissing(missing, key, form[key])}
                width={140}
              />
            </FieldRow>
          ))}
        </Flex>
      </Card>
      <Card size="small" title={t(assessmentText.sectionBasic)}>
        {TSME_FLAGS.map((key) => (
          <FieldRow
            key={key}
            label={assessmentText[key]}
            missing={stillMissing(missing, key, form[key])}
            source={sources.get(key)}
            testId={`tsme-${key}`}
          >
            <YesNoInput value={form[key]} onChange={(v) => set(key, v)} testId={`tsme-${key}`} />
          </FieldRow>
        ))}
      </Card>
      <Card size="small" title={t(assessmentText.sectionDirect)}>
        <Flex vertical gap={4} data-testid="tsme-direct">
          {cert?.issuedOn ? (
            <Typography.Text>{t(assessmentText.hnteCertificate, { issued: cert.issuedOn })}</Typography.Text>
          ) : null}
          {awards > 0 ? (
            <Typography.Text>{t(assessmentText.nationalAwards, { count: awards })}</Typography.Text>
          ) : null}
          <Checkbox
            checked={form.provincialRdInstitution}
            onChange={(e) => set('provincialRdInstitution', e.target.checked)}
            data-testid="tsme-provincialRdInstitution"
          >
            {t(assessmentText.provincialRdInstitution)}
          </Checkbox>
        </Flex>
      </Card>
    </Flex>
  );
}
