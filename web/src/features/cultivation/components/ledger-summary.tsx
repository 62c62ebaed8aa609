/**
 * Both calibres of each of three years side by side: the 高企 figure and the super-deduction base with their
 * categories and caps, the lines that explain the difference, the divergence warnings, and the 加计扣除 amount with
 * the rate record and document that applied (and both 2022 Q4 methods when they apply).
 */
import { useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Empty, Flex, Row, Select, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n.tsx';
import { testId } from '../../../ui/test-id.ts';
import { fetchSummary, ledgerKeys, type LedgerSummaryYear } from '../ledger.api.ts';
import { percentText, yuan } from '../ledger.labels.ts';
import { ledgerText } from '../ledger.messages.ts';

type Calibres = LedgerSummaryYear['calibres'];
type CategoryRow = Calibres['hnte']['categories'][number];
type Line = Calibres['difference']['lines'][number];
type Portion = LedgerSummaryYear['superDeduction']['portions'][number];

function CategoryTable({
  title,
  rows,
  total,
  testPrefix,
  footer,
}: {
  title: string;
  rows: CategoryRow[];
  total: number;
  testPrefix: string;
  footer: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Card size="small" title={title} data-testid={testPrefix}>
      <Table<CategoryRow>
        size="small"
        rowKey="category"
        pagination={false}
        dataSource={rows}
        onRow={(row) => testId(`${testPrefix}-${row.category}`)}
        columns={[
          { key: 'title', title: t(ledgerText.category), render: (_v, row) => t(row.title) },
          { key: 'gross', title: t(ledgerText.gross), align: 'right', render: (_v, row) => yuan(row.grossFen) },
          { key: 'counted', title: t(ledgerText.counted), align: 'right', render: (_v, row) => yuan(row.countedFen) },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t(ledgerText.total)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} />
            <Table.Summary.Cell index={2} align="right">
              <strong data-testid={`${testPrefix}-total`}>{yuan(total)}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <div style={{ marginTop: 8 }}>{footer}</div>
    </Card>
  );
}

function methodText(method: Portion['method']) {
  return method === 'annual'
    ? ledgerText.methodAnnual
    : method === 'proportional'
      ? ledgerText.methodProportional
      : ledgerText.methodActual;
}

function YearCard({ y }: { y: LedgerSummaryYear }) {
  const { t, locale } = useI18n();
  const { hnte, superDeduction: sd, difference } = y.calibres;
  const deduction = y.superDeduction;
  const capNote = (cap: { formula: { zh: string; en: string }; binding: boolean; reducedByFen: number }) => (
    <Typography.Text type={cap.binding ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
      {t(ledgerText.otherCap)}：{t(cap.formula)}
      {cap.binding ? `（${t(ledgerText.capBinds, { amount: yuan(cap.reducedByFen) })}）` : ''}
    </Typography.Text>
  );
  return (
    <Card
      title={t(ledgerText.year, { year: y.year })}
      extra={<Typography.Text type="secondary">{t(ledgerText.entriesCount, { entries: y.entryCount, projects: y.projectCount })}</Typography.Text>}
      data-testid={`ledger-year-${y.year}`}
    >
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <Statistic title={t(ledgerText.hnteTotal)} value={yuan(hnte.totalFen)} data-testid={`ledger-hnte-total-${y.year}`} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(ledgerText.hnteDomestic, { amount: yuan(hnte.domesticFen), share: percentText(hnte.domesticSharePct, locale) })}
          </Typography.Text>
        </Col>
        <Col xs={12} lg={6}>
          <Statistic title={t(ledgerText.superBase)} value={yuan(sd.baseFen)} data-testid={`ledger-super-base-${y.year}`} />
        </Col>
        <Col xs={12} lg={6}>
          <Statistic title={t(ledgerText.difference)} value={yuan(difference.differenceFen)} data-testid={`ledger-difference-${y.year}`} />
        </Col>
        <Col xs={12} lg={6}>
          <Statistic
            title={t(ledgerText.deduction)}
            value={yuan(deduction.additionalDeductionFen)}
            data-testid={`ledger-deduction-${y.year}`}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`ledger-rate-${y.year}`}>
            {deduction.eligible && deduction.record
              ? t(ledgerText.rate, { rate: deduction.record.ratePct, document: deduction.record.document, article: deduction.record.article })
              : `${t(ledgerText.notEligible)}：${deduction.reasons.map((r) => t(r)).join('；')}`}
          </Typography.Text>
        </Col>
      </Row>

      <Flex vertical gap={8} style={{ marginTop: 16 }} data-testid={`ledger-warnings-${y.year}`}>
        {y.warnings.length === 0 ? (
          <Alert type="success" showIcon title={t(ledgerText.noWarnings)} />
        ) : (
          y.warnings.map((w) => (
            <Alert
              key={w.id}
              type={w.severity === 'error' ? 'error' : 'warning'}
              showIcon
              title={t(w.message)}
              data-testid={`ledger-warning-${y.year}-${w.id}`}
            />
          ))
        )}
      </Flex>

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <CategoryTable
            title={t(ledgerText.hnteCalibre)}
            rows={hnte.categories}
            total={hnte.totalFen}
            testPrefix={`ledger-hnte-${y.year}`}
            footer={capNote(hnte.otherCap)}
          />
        </Col>
        <Col xs={24} xl={12}>
          <CategoryTable
            title={t(ledgerText.superCalibre)}
            rows={[
              ...sd.categories,
              {
                category: 'entrusted',
                title: { zh: '委托研发费用', en: 'Entrusted R&D' },
                grossFen: sd.entrusted.domesticPaidFen + sd.entrusted.overseasPaidFen,
                countedFen: sd.entrusted.domesticCountedFen + sd.entrusted.overseasAllowedFen,
              },
              {
                category: 'adjustments',
                title: ledgerText.subsidies,
                grossFen: sd.adjustments.subsidyNettedFen + sd.adjustments.specialIncomeFen,
                countedFen: -sd.adjustments.appliedFen,
              },
            ]}
            total={sd.baseFen}
            testPrefix={`ledger-super-${y.year}`}
            footer={
              <Flex vertical>
                {capNote(sd.otherCap)}
                {sd.capitalisedBaseFen > 0 ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(ledgerText.capitalised)}：{yuan(sd.capitalisedBaseFen)}
                  </Typography.Text>
                ) : null}
              </Flex>
            }
          />
        </Col>
      </Row>

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t(ledgerText.lines)}
      </Typography.Title>
      <Table<Line>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={difference.lines}
        locale={{ emptyText: t(ledgerText.noLines) }}
        onRow={(line) => testId(`ledger-line-${y.year}-${line.id}`)}
        columns={[
          { key: 'reason', title: t(ledgerText.lineReason), render: (_v, line) => t(line.reason) },
          { key: 'hnte', title: t(ledgerText.lineHnte), align: 'right', width: 150, render: (_v, line) => yuan(line.hnteFen) },
          { key: 'super', title: t(ledgerText.lineSuper), align: 'right', width: 150, render: (_v, line) => yuan(line.superFen) },
          { key: 'delta', title: t(ledgerText.lineDelta), align: 'right', width: 150, render: (_v, line) => yuan(line.deltaFen) },
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t(ledgerText.portions)}
      </Typography.Title>
      {deduction.portions.length > 0 ? (
        <Table<Portion>
          size="small"
          rowKey="recordId"
          pagination={false}
          dataSource={deduction.portions}
          onRow={(p) => testId(`ledger-portion-${y.year}-${p.recordId}`)}
          columns={[
            { key: 'record', title: t(ledgerText.portionRecord), render: (_v, p) => `${p.document} ${p.article}` },
            { key: 'method', title: t(ledgerText.portionMethod), width: 110, render: (_v, p) => t(methodText(p.method)) },
            { key: 'rate', title: t(ledgerText.portionRate), width: 80, align: 'right', render: (_v, p) => `${p.ratePct}%` },
            { key: 'base', title: t(ledgerText.portionBase), width: 150, align: 'right', render: (_v, p) => yuan(p.baseFen) },
            { key: 'amount', title: t(ledgerText.portionAmount), width: 150, align: 'right', render: (_v, p) => yuan(p.additionalFen) },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{deduction.reasons.map((r) => t(r)).join('；') || '—'}</Typography.Text>
      )}
      {deduction.alternatives.length === 2 ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid={`ledger-alternatives-${y.year}`}>
          {t(ledgerText.alternatives, {
            proportional: yuan(deduction.alternatives.find((a) => a.method === 'proportional')?.additionalFen ?? 0),
            actual: yuan(deduction.alternatives.find((a) => a.method === 'actual')?.additionalFen ?? 0),
          })}
        </Typography.Paragraph>
      ) : null}
      {y.registryRdFen !== null ? (
        <Tag style={{ marginTop: 8 }}>{t(ledgerText.registryRd, { amount: yuan(y.registryRdFen) })}</Tag>
      ) : null}
    </Card>
  );
}

export function LedgerSummaryView({ enterpriseId }: { enterpriseId?: string }) {
  const { t } = useI18n();
  const [year, setYear] = useState<number | null>(null);
  const summary = useQuery({
    queryKey: ledgerKeys.summary(year, enterpriseId),
    queryFn: () => fetchSummary(year, enterpriseId),
  });
  const thisYear = new Date().getFullYear();
  const choices = Array.from({ length: thisYear - 2008 + 1 }, (_, i) => thisYear - i);
  const years = [...(summary.data?.years ?? [])].reverse();
  return (
    <Flex vertical gap={16} data-testid="ledger-summary">
      <Flex gap={8} align="center">
        <Typography.Text>{t(ledgerText.lastYear)}</Typography.Text>
        <Select<number | null>
          style={{ width: 200 }}
          value={year}
          onChange={setYear}
          options={[{ value: null, label: t(ledgerText.latest) }, ...choices.map((y) => ({ value: y, label: String(y) }))]}
          data-testid="ledger-summary-year"
        />
      </Flex>
      {summary.error ? <Alert type="error" showIcon title={t(ledgerText.loadFailed, { message: summary.error.message })} /> : null}
      {summary.isPending ? <Spin /> : null}
      {summary.data && years.length === 0 ? <Empty /> : null}
      {years.map((y) => (
        <YearCard key={y.year} y={y} />
      ))}
      {summary.data ? (
        <Descriptions size="small" column={1} title={t(ledgerText.assumptions)} data-testid="ledger-assumptions">
          {summary.data.assumptions.map((a) => (
            <Descriptions.Item key={a.zh}>{t(a)}</Descriptions.Item>
          ))}
        </Descriptions>
      ) : null}
    </Flex>
  );
}
