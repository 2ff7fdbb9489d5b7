import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Col, Form, Row, Space, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { AppError, type PolicyScheme } from '../../../../src-main/contract';
import type { CardData } from '../../../../src-main/contract/identity-operations';
import { call } from '../../api/client';
import { applyFieldErrors } from '../../formErrors';
import { derivesBirthAndSex, readIdNumber } from '../marriage/marriageData';
import { ScanPicker } from '../../scans/ScanPicker';
import { toScans } from '../../scans/scanFiles';
import { ComputationPanel } from './ComputationPanel';
import { CorrectingNotice } from './CorrectingNotice';
import { DeceasedFields } from './DeceasedFields';
import { enterNavigation } from './enterNavigation';
import { PayerFields } from './PayerFields';
import { EligibilityFields, ServicesTable, VersionNote } from './ServicesTable';
import { useLiveComputation } from './useLiveComputation';
import {
  NO_CATEGORY,
  deceasedFromCard,
  fieldAliases,
  formVersion,
  initialValues,
  inputOf,
  readiness,
  rowsFor,
  valuesOf,
  type WaiverDetail,
  type WaiverValues,
} from './waiverForm';
import { WaiverOutcome, type Entered } from './WaiverOutcome';
import { useCurrentSession } from '../../currentSession';

interface WaiverDeskProps {
  scheme: PolicyScheme | null;
  /** A rejected or approved waiver being corrected and sent again, or undefined for a new one. */
  correcting?: WaiverDetail;
  /** After a waiver was entered or corrected: the list reloads. */
  onSubmitted: () => void;
  onNew: () => void;
}

/** Items, category and exclusions follow the version in force on the date of death. */
function useFormVersion(scheme: PolicyScheme | null, dateOfDeath: string | undefined) {
  return formVersion(scheme, dateOfDeath, useCurrentSession().status.today);
}

/**
 * 殡葬费用减免录入: the deceased, the category, the services used and their charges, the payer — with
 * the server's 试算 beside it as it is typed. Enter moves on, Ctrl+Enter submits.
 */
export function WaiverDesk({ scheme, correcting, onSubmitted, onNew }: WaiverDeskProps) {
  const { today } = useCurrentSession().status;
  const [form] = Form.useForm<WaiverValues>();
  const [initial] = useState<WaiverValues>(() => {
    const date = correcting?.input.deceased.dateOfDeath;
    const { version } = formVersion(scheme, date, today);
    return correcting ? valuesOf(correcting.input, version) : initialValues(version);
  });
  const [values, setValues] = useState<WaiverValues>(initial);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [entered, setEntered] = useState<Entered | null>(null);
  const dateRef = useRef<HTMLDivElement>(null);
  const { version, byDeath } = useFormVersion(scheme, values.deceased.dateOfDeath);

  const { input } = useMemo(() => inputOf(values), [values]);
  const ready = readiness(input, values);
  const live = useLiveComputation(ready.ready && !entered ? input : null, correcting?.id);

  const onValuesChange = (changed: Partial<WaiverValues>, all: WaiverValues): void => {
    const d = changed.deceased;
    if (d && ('idNumber' in d || 'documentType' in d) && derivesBirthAndSex(all.deceased.documentType)) {
      // A resident ID number states the birth date and the sex.
      const read = readIdNumber(all.deceased.idNumber);
      form.setFields([{ name: ['deceased', 'birthDate'], value: read?.birthDate ?? '', errors: [] }]);
      if (read) form.setFields([{ name: ['deceased', 'sex'], value: read.sex }]);
    }
    if (d && 'dateOfDeath' in d) {
      // Another version: its items, categories and exclusions.
      const next = formVersion(scheme, all.deceased.dateOfDeath, today).version;
      const rows = rowsFor(next, all.services ?? []);
      const sameItems = rows.length === (all.services ?? []).length && rows.every((r, i) => r.itemId === all.services[i]?.itemId);
      if (!sameItems) form.setFieldValue('services', rows);
      const categories = next?.categories ?? [];
      if (all.categoryId && all.categoryId !== NO_CATEGORY && !categories.some((c) => c.id === all.categoryId)) {
        form.setFieldValue('categoryId', categories.length === 1 ? categories[0].id : undefined);
      } else if (!all.categoryId && categories.length === 1) {
        form.setFieldValue('categoryId', categories[0].id);
      }
      const exclusionIds = (all.exclusionIds ?? []).filter((id) => next?.exclusions.some((e) => e.id === id));
      if (exclusionIds.length !== (all.exclusionIds ?? []).length) form.setFieldValue('exclusionIds', exclusionIds);
    }
    setValues(form.getFieldsValue(true) as WaiverValues);
  };

  const submit = async (): Promise<void> => {
    if (submitting || entered) return;
    setError(null);
    const ok = await form.validateFields().then(
      () => true,
      () => false,
    );
    if (!ok) return;
    const all = form.getFieldsValue(true) as WaiverValues;
    const current = inputOf(all);
    if (current.input.services.length === 0) {
      setError(new AppError('VALIDATION', '请至少勾选一项服务项目'));
      return;
    }
    setSubmitting(true);
    try {
      const scans = await toScans(all.scans);
      const reason = all.reason?.trim() || undefined;
      const result = correcting
        ? await call('funeral.correctWaiver', { ...current.input, id: correcting.id, reason, scans })
        : await call('funeral.enterWaiver', { ...current.input, scans });
      // A new record for the correction: the original was reversed (冲销).
      const reversed = correcting && result.id !== correcting.id ? correcting.number : undefined;
      setEntered({ result, corrected: Boolean(correcting), reversed });
      onSubmitted();
    } catch (err) {
      setError(applyFieldErrors(form, err, fieldAliases(current.rowOfService)));
    } finally {
      setSubmitting(false);
    }
  };

  const readDeceased = (card: CardData): void => {
    form.setFieldsValue({ deceased: { ...form.getFieldValue('deceased'), ...deceasedFromCard(card) } });
    setValues(form.getFieldsValue(true) as WaiverValues);
    dateRef.current?.querySelector<HTMLInputElement>('[data-testid="deceased-date-of-death"]')?.focus();
  };
  const readPayer = (card: CardData): void => {
    form.setFieldsValue({ payer: { ...form.getFieldValue('payer'), name: card.name, idNumber: card.idNumber } });
    setValues(form.getFieldsValue(true) as WaiverValues);
  };

  const done = Boolean(entered);
  const hint = ready.ready ? null : `填写完整后显示试算：${ready.missing}`;
  return (
    <div ref={dateRef}>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <div onKeyDownCapture={enterNavigation(() => void submit())}>
            <Form form={form} layout="vertical" initialValues={initial} disabled={done} onValuesChange={onValuesChange} data-testid="waiver-form">
              {correcting && !done && <CorrectingNotice correcting={correcting} />}
              <DeceasedFields disabled={done} onCard={readDeceased} autoFocus={correcting?.status !== 'approved'} />
              <Card title="减免对象" size="small" style={{ marginTop: 16 }}>
                <div style={{ marginBottom: 12 }}>
                  <VersionNote version={version} byDeath={byDeath} schemeName={scheme?.name ?? null} />
                </div>
                <EligibilityFields version={version} />
              </Card>
              <ServicesTable version={version} locked={done} />
              <PayerFields disabled={done} onCard={readPayer} />
              <ScanPicker
                papers="死亡证明、逝者及经办人身份证明、困难证明（低保证、特困证等）、收费清单"
                testId="waiver-scans-pick"
                disabled={done}
                style={{ marginTop: 16, marginBottom: 0 }}
              />
              {error && <Alert type="error" showIcon title={error.message} style={{ marginTop: 16 }} data-testid="waiver-error" />}
              {!done && (
                <Space style={{ marginTop: 16 }}>
                  <Button type="primary" icon={<SendOutlined />} loading={submitting} onClick={() => void submit()} aria-keyshortcuts="Control+Enter" data-enter-last data-testid="waiver-submit">
                    {correcting ? `${correcting.settlementClosed ? '冲销并' : ''}重新提交（Ctrl+Enter）` : '提交（Ctrl+Enter）'}
                  </Button>
                  <Typography.Text type="secondary">提交后由审核员审核；审核通过的计入当月结算。</Typography.Text>
                </Space>
              )}
            </Form>
          </div>
        </Col>
        <Col xs={24} xl={10}>
          <div style={{ position: 'sticky', top: 0 }}>
            {entered ? (
              <WaiverOutcome entered={entered} onNew={onNew} />
            ) : (
              <ComputationPanel
                computation={live.computation}
                fresh={live.fresh}
                loading={live.loading}
                error={live.error}
                hint={hint}
              />
            )}
          </div>
        </Col>
      </Row>
    </div>
  );
}
