/** The 高企 self-assessment form: basic conditions, three years of figures, staff, IP and the innovation score. */
import { Card, Flex, Table, Typography } from 'antd';
import {
  IP_ACQUISITION_BANDS,
  IP_ADVANCED_BANDS,
  IP_STANDARDS_BANDS,
  IP_SUPPORT_BANDS,
  type ScoreBand,
} from '@jinke/core/cultivation/hnte-score.bands.ts';
import type { HnteAssessmentResult } from '@jinke/core/cultivation/hnte-assessment.rules.ts';
import { useI18n, type Text } from '../../../app/i18n.tsx';
import {
  JUDGED,
  LATEST_ONLY,
  MANAGEMENT,
  YEAR_FIELDS,
  hntePaths,
  stillMissing,
  type HnteForm,
  type JudgedItem,
  type ManagementItem,
  type YearField,
  type YearForm,
} from '../assessments.form.ts';
import { assessmentText } from '../assessments.messages.ts';
import { BandInput, FieldRow, TextInput, YesNoInput } from './assessment-fields.tsx';

const JUDGED_BANDS: Record<JudgedItem, { label: Text; bands: readonly ScoreBand[] }> = {
  advanced: { label: assessmentText.ipAdvanced, bands: IP_ADVANCED_BANDS },
  coreSupport: { label: assessmentText.ipCoreSupport, bands: IP_SUPPORT_BANDS },
  acquisition: { label: assessmentText.ipAcquisition, bands: IP_ACQUISITION_BANDS },
  standards: { label: assessmentText.ipStandards, bands: IP_STANDARDS_BANDS },
};

const MANAGEMENT_LABELS: Record<ManagementItem, Text> = {
  system: assessmentText.mgmtSystem,
  institution: assessmentText.mgmtInstitution,
  transformation: assessmentText.mgmtTransformation,
  talent: assessmentText.mgmtTalent,
};

export interface HnteFormProps {
  form: HnteForm;
  onChange: (update: (form: HnteForm) => HnteForm) => void;
  missing: ReadonlySet<string>;
  sources: ReadonlyMap<string, string>;
  result: HnteAssessmentResult | null;
}

export function HnteAssessmentForm({ form, onChange, missing, sources, result }: HnteFormProps) {
  const { t } = useI18n();
  const set = <K extends keyof HnteForm>(key: K, value: HnteForm[K]) =>
    onChange((f) => ({ ...f, [key]: value }));
  const setYear = (year: number, field: YearField, value: string) =>
    onChange((f) => ({ ...f, years: f.years.map((y) => (y.year === year ? { ...y, [field]: value } : y)) }));
  const item = (id: string) => result?.score.indicators.flatMap((i) => i.items).find((i) => i.id === id);
  const computedHint = (id: string) => {
    const it = item(id);
    const band = it?.bands.find((b) => b.band === it.band);
    return band && it?.bandSource === 'data'
      ? t(assessmentText.computedBand, { band: band.band, min: band.min, max: band.max })
      : t(assessmentText.noBand);
  };
  const miss = (path: string, value: string) => stillMissing(missing, path, value);
  const latestYear = form.years.at(-1)?.year;

  const yesNo = (
    key: 'hasCoreIpOwnership' | 'techInKeyFields' | 'majorIncidentWithinYear',
    incident = false,
  ) => (
    <FieldRow
      label={assessmentText[key]}
      missing={miss(hntePaths[key], form[key])}
      source={sources.get(hntePaths[key])}
      testId={`hnte-${key}`}
    >
      <YesNoInput
        value={form[key]}
        onChange={(v) => set(key, v)}
        testId={`hnte-${key}`}
        {...(incident ? { yes: assessmentText.happened, no: assessmentText.none } : {})}
      />
    </FieldRow>
  );

  const yearCell = (row: YearForm, field: YearField) => {
    if (LATEST_ONLY.includes(field) && row.year !== latestYear)
      return <Typography.Text type="secondary">—</Typography.Text>;
    const path = hntePaths.year(row.year, field);
    const missingNow = miss(path, row[field]);
    return (
      <div data-missing={missingNow} data-testid={`hnte-year-${row.year}-${field}-cell`}>
        <TextInput
          value={row[field]}
          onChange={(v) => setYear(row.year, field, v)}
          testId={`hnte-year-${row.year}-${field}`}
          missing={missingNow}
          width={120}
        />
      </div>
    );
  };

  return (
    <Flex vertical gap={12}>
      <Card size="small" title={t(assessmentText.sectionBasic)}>
        <FieldRow
          label={assessmentText.registrationDate}
          missing={miss(hntePaths.registrationDate, form.registrationDate)}
          source={sources.get(hntePaths.registrationDate)}
          testId="hnte-registrationDate"
        >
          <TextInput
            value={form.registrationDate}
            onChange={(v) => set('registrationDate', v)}
            testId="hnte-registrationDate"
          />
        </FieldRow>
        {yesNo('hasCoreIpOwnership')}
        {yesNo('techInKeyFields')}
        {yesNo('majorIncidentWithinYear', true)}
      </Card>

      <Card size="small" title={t(assessmentText.sectionYears)}>
        <Table<YearForm>
          size="small"
          pagination={false}
          rowKey="year"
          scroll={{ x: true }}
          dataSource={form.years}
          data-testid="hnte-years"
          columns={[
            { key: 'year', title: t(assessmentText.year), dataIndex: 'year', width: 70 },
            ...YEAR_FIELDS.map((field) => ({
              key: field,
              title: LATEST_ONLY.includes(field)
                ? `${t(assessmentText[field])}（${t(assessmentText.latestOnly)}）`
                : t(assessmentText[field]),
              render: (_: unknown, row: YearForm) => yearCell(row, field),
            })),
          ]}
        />
      </Card>

      <Card size="small" title={t(assessmentText.sectionStaff)}>
        <Flex gap={24} wrap>
          {(['techStaff', 'totalStaff'] as const).map((key) => (
            <FieldRow
              key={key}
              label={assessmentText[key]}
              missing={miss(hntePaths[key], form[key])}
              source={sources.get(hntePaths[key])}
              testId={`hnte-${key}`}
            >
              <TextInput
                value={form[key]}
                onChange={(v) => set(key, v)}
                testId={`hnte-${key}`}
                suffix="人"
                width={120}
              />
            </FieldRow>
          ))}
        </Flex>
      </Card>

      <Card size="small" title={t(assessmentText.sectionScore)}>
        <FieldRow
          label={assessmentText.ipCount}
          missing={miss(hntePaths.countPoints, form.countPoints)}
          source={sources.get('score.ip.count')}
          hint={computedHint('ip.count')}
          testId="hnte-count"
        >
          <Flex gap={8} wrap align="center">
            <span>{t(assessmentText.countI)}</span>
            <TextInput
              value={form.countI}
              onChange={(v) => set('countI', v)}
              testId="hnte-countI"
              width={70}
            />
            <span>{t(assessmentText.countII)}</span>
            <TextInput
              value={form.countII}
              onChange={(v) => set('countII', v)}
              testId="hnte-countII"
              width={70}
            />
            <span>{t(assessmentText.points)}</span>
            <TextInput
              value={form.countPoints}
              onChange={(v) => set('countPoints', v)}
              testId="hnte-countPoints"
              width={70}
            />
          </Flex>
        </FieldRow>
        {JUDGED.map((key) => (
          <FieldRow
            key={key}
            label={JUDGED_BANDS[key].label}
            missing={miss(hntePaths.judged(key), form.judged[key].points)}
            testId={`hnte-${key}`}
          >
            <BandInput
              bands={JUDGED_BANDS[key].bands}
              band={form.judged[key].band}
              points={form.judged[key].points}
              onChange={(band, points) => set('judged', { ...form.judged, [key]: { band, points } })}
              testId={`hnte-${key}`}
            />
          </FieldRow>
        ))}
        <FieldRow
          label={assessmentText.conversions}
          missing={miss(hntePaths.transformation, form.transformationPoints)}
          hint={computedHint('transformation')}
          testId="hnte-transformation"
        >
          <Flex gap={8} wrap align="center">
            <TextInput
              value={form.conversions}
              onChange={(v) => set('conversions', v)}
              testId="hnte-conversions"
              width={70}
            />
            <span>{t(assessmentText.conversionYears)}</span>
            <TextInput
              value={form.conversionYears}
              onChange={(v) => set('conversionYears', v)}
              testId="hnte-conversionYears"
              width={60}
            />
            <span>{t(assessmentText.points)}</span>
            <TextInput
              value={form.transformationPoints}
              onChange={(v) => set('transformationPoints', v)}
              testId="hnte-transformationPoints"
              width={70}
            />
          </Flex>
        </FieldRow>
        <FieldRow label={assessmentText.management} missing={false} testId="hnte-management">
          <Flex gap={12} wrap>
            {MANAGEMENT.map((key) => (
              <Flex
                key={key}
                gap={4}
                align="center"
                data-missing={miss(hntePaths.management(key), form.management[key])}
              >
                <span>{t(MANAGEMENT_LABELS[key])}</span>
                <TextInput
                  value={form.management[key]}
                  onChange={(v) => set('management', { ...form.management, [key]: v })}
                  testId={`hnte-mgmt-${key}`}
                  missing={miss(hntePaths.management(key), form.management[key])}
                  width={60}
                />
              </Flex>
            ))}
          </Flex>
        </FieldRow>
        {(['netAssetsPoints', 'salesPoints'] as const).map((key) => (
          <FieldRow
            key={key}
            label={key === 'netAssetsPoints' ? assessmentText.growthNetAssets : assessmentText.growthSales}
            missing={miss(hntePaths[key], form[key])}
            hint={computedHint(key === 'netAssetsPoints' ? 'growth.netAssets' : 'growth.sales')}
            testId={`hnte-${key}`}
          >
            <TextInput value={form[key]} onChange={(v) => set(key, v)} testId={`hnte-${key}`} width={70} />
          </FieldRow>
        ))}
      </Card>
    </Flex>
  );
}
