import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Checkbox, Col, Form, Row, Space, Spin, Tag, Typography, type CheckboxRef, type InputRef } from 'antd';
import { AuditOutlined, CheckCircleOutlined, SaveOutlined, StopOutlined } from '@ant-design/icons';
import { operations, type AppError, type OpOutput } from '../../../../src-main/contract';
import type { CardData } from '../../../../src-main/contract/identity-operations';
import { call } from '../../api/client';
import { useCurrentSession } from '../../currentSession';
import { applyFieldErrors, asAppError } from '../../formErrors';
import { formatDateTime } from '../../format';
import { useQuery } from '../../useQuery';
import { CheckResult, type Check } from './CheckResult';
import { DocumentActions, type PrintableDocument } from './DocumentActions';
import { MarriageOutcome } from './MarriageOutcome';
import {
  INITIAL_VALUES,
  PARTY_KEYS,
  declarationData,
  derivesBirthAndSex,
  draftDataOf,
  draftTitle,
  partiesOf,
  partyFromCard,
  readIdNumber,
  suggestedRefusal,
  valuesFromDraft,
  type MarriageValues,
  type PartyKey,
  type PartyValues,
  type Registration,
} from './marriageData';
import { PartyFields } from './PartyFields';
import { OVERRIDE_FIELDS, PlatformOverridePanel } from './PlatformOverridePanel';
import { RefuseDialog, type RefusalValues } from './RefuseDialog';
import { altLabel, useAltShortcut } from './useAltShortcut';

const registerFields = operations['marriage.register'].input.shape;
const PARTY_FIELD_NAMES: (keyof PartyValues)[] = ['documentType', 'name', 'idNumber', 'sex', 'birthDate', 'nationality'];
const PARTY_FIELDS = PARTY_KEYS.flatMap((p) => PARTY_FIELD_NAMES.map((f) => [p, f]));
const CONFIRMATIONS = ['declarationSigned', 'consentConfirmed'] as const;
/** The server names the missing authorization as a whole: it is shown where the supervisor starts typing. */
const OVERRIDE_ALIASES = { platformOverride: 'platformOverride.username' };

type DraftView = Omit<OpOutput<'drafts.get'>, 'data'>;

/** The draft this case resumes or was saved as, while the desk loads it. */
function useResumedDraft(draftId: number | null, onLoaded: (values: MarriageValues, draft: DraftView) => void) {
  const [loading, setLoading] = useState(draftId !== null);
  const [error, setError] = useState<AppError | null>(null);
  const loaded = useRef(onLoaded);
  useEffect(() => {
    loaded.current = onLoaded;
  });
  useEffect(() => {
    if (draftId === null) return;
    let active = true;
    call('drafts.get', { id: draftId }).then(
      ({ data, ...draft }) => {
        if (!active) return;
        if (draft.kind !== 'marriage') setError(asAppError(new Error(`暂存第 ${draftId} 号不是结婚登记`)));
        else loaded.current(valuesFromDraft(data), draft);
        setLoading(false);
      },
      (err: unknown) => {
        if (!active) return;
        setError(asAppError(err));
        setLoading(false);
      },
    );
    return () => {
      active = false;
    };
  }, [draftId]);
  return { loading, error };
}

/** The declaration's key in the print records: the case's draft, or when this desk was opened. */
function caseKey(draftId: number | null): string {
  if (draftId !== null) return `draft-${draftId}`;
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

interface MarriageDeskProps {
  /** The draft to resume (#/marriage?draft=12), or null for a new case. */
  draftId: number | null;
  onNew: () => void;
}

/** One application at the counter, from the two parties' particulars to the printed certificates. */
export function MarriageDesk({ draftId, onNew }: MarriageDeskProps) {
  const { message } = App.useApp();
  const { status } = useCurrentSession();
  const [form] = Form.useForm<MarriageValues>();
  const printers = useQuery('print.printers', {});
  const [running, setRunning] = useState<'check' | 'register' | 'save' | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [check, setCheck] = useState<Check | null>(null);
  const [registration, setRegistration] = useState<Registration | null>(null);
  const [refusing, setRefusing] = useState<{ names: string; initial: Partial<RefusalValues> } | null>(null);
  const [refused, setRefused] = useState<OpOutput<'marriage.refuse'> | null>(null);
  const [draft, setDraft] = useState<DraftView | null>(null);
  const [declarationKey] = useState(() => `marriage-declaration:${caseKey(draftId)}`);
  const done = Boolean(registration || refused);
  // The parties passed here but the platform could not be asked: registering needs a supervisor.
  const needsAuthorization = Boolean(check?.ok && check.platform === 'unreachable');

  const nameRefs = { party1: useRef<InputRef>(null), party2: useRef<InputRef>(null) };
  const checkButton = useRef<HTMLButtonElement>(null);
  const declarationBox = useRef<CheckboxRef>(null);

  const resumed = useResumedDraft(draftId, (values, view) => {
    form.setFieldsValue(values);
    setDraft(view);
    nameRefs.party1.current?.focus();
  });

  // A check that passed: the declaration is next — printed (Alt+P), signed, ticked with Space.
  useEffect(() => {
    if (check?.ok) declarationBox.current?.focus();
  }, [check]);

  const validateParties = () => form.validateFields(PARTY_FIELDS).catch(() => null);

  const runCheck = async (): Promise<void> => {
    const values = await validateParties();
    if (!values) return;
    setRunning('check');
    setError(null);
    try {
      setCheck(await call('marriage.check', partiesOf(values)));
    } catch (err) {
      setCheck(null);
      setError(applyFieldErrors(form, err));
    } finally {
      setRunning(null);
    }
  };

  const runRegister = async (): Promise<void> => {
    const values = await validateParties();
    // Only registering needs the two confirmations ticked, with the contract's own messages.
    const unconfirmed = CONFIRMATIONS.flatMap((name) => {
      const result = registerFields[name].safeParse(form.getFieldValue(name) === true ? true : undefined);
      return result.success ? [] : [{ name, errors: [result.error.issues[0]?.message ?? '请确认'] }];
    });
    form.setFields(CONFIRMATIONS.map((name) => ({ name, errors: unconfirmed.find((u) => u.name === name)?.errors ?? [] })));
    const authorization = needsAuthorization ? await form.validateFields(OVERRIDE_FIELDS).then((v) => v.platformOverride ?? null, () => null) : undefined;
    if (!values || unconfirmed.length > 0 || authorization === null) return;
    setRunning('register');
    setError(null);
    const parties = partiesOf(values);
    const platformOverride = authorization && { username: authorization.username.trim(), password: authorization.password, reason: authorization.reason.trim() };
    try {
      const result = await call('marriage.register', { ...parties, declarationSigned: true, consentConfirmed: true, draftId: draft?.id, platformOverride });
      setRegistration({ result, names: { party1: parties.party1.name, party2: parties.party2.name }, authorizedBy: platformOverride?.username ?? null });
    } catch (err) {
      setError(applyFieldErrors(form, err, needsAuthorization ? OVERRIDE_ALIASES : undefined));
    } finally {
      setRunning(null);
    }
  };

  const startRefusal = async (): Promise<void> => {
    const values = await validateParties();
    if (!values) return;
    const parties = partiesOf(values);
    const problems = check?.problems ?? [];
    setRefusing({
      names: `${parties.party1.name}、${parties.party2.name}`,
      initial: { reasonCode: suggestedRefusal(problems), reason: problems.join('；') || undefined },
    });
  };

  const refuse = async ({ reasonCode, reason }: RefusalValues): Promise<void> => {
    const parties = partiesOf(form.getFieldsValue(true) as MarriageValues);
    setRefused(await call('marriage.refuse', { ...parties, reasonCode, reason, draftId: draft?.id }));
  };

  const saveDraft = async (): Promise<void> => {
    const values = form.getFieldsValue(true) as MarriageValues;
    setRunning('save');
    setError(null);
    try {
      const saved = await call('drafts.save', { id: draft?.id, kind: 'marriage', title: draftTitle(values), data: draftDataOf(values) });
      setDraft(saved);
      void message.success(`已暂存为第 ${saved.id} 号：${saved.title}。可在首页的暂存列表中继续办理`);
    } catch (err) {
      setError(asAppError(err));
    } finally {
      setRunning(null);
    }
  };

  const loadDeclaration = async (): Promise<PrintableDocument | null> => {
    const values = await validateParties();
    if (!values) return null;
    return { templateId: 'marriage-declaration', title: '申请结婚登记声明书', documentKey: declarationKey, data: declarationData(values, status.station.officeName) };
  };

  const readCard = (party: PartyKey) => (card: CardData) => {
    form.setFieldsValue({ [party]: partyFromCard(card) });
    void form.validateFields(PARTY_FIELD_NAMES.map((f) => [party, f])).catch(() => undefined);
    setCheck(null);
    // Both read: Enter runs 审查. Otherwise on to the other party.
    const other: PartyKey = party === 'party1' ? 'party2' : 'party1';
    const otherFilled = Boolean(form.getFieldValue([other, 'name']) && form.getFieldValue([other, 'idNumber']));
    if (otherFilled) checkButton.current?.focus();
    else nameRefs[other].current?.focus();
  };

  const onValuesChange = (changed: Partial<MarriageValues>, all: MarriageValues): void => {
    for (const party of PARTY_KEYS) {
      const c = changed[party];
      if (!c) continue;
      // A check answers for the particulars it was given.
      setCheck(null);
      if (('idNumber' in c || 'documentType' in c) && derivesBirthAndSex(all[party].documentType)) {
        // A resident ID or residence permit number states the birth date and the sex.
        const read = readIdNumber(all[party].idNumber);
        form.setFields([{ name: [party, 'birthDate'], value: read?.birthDate ?? '', errors: [] }]);
        if (read) form.setFields([{ name: [party, 'sex'], value: read.sex }]);
      }
    }
  };

  const active = !done && !resumed.loading && !refusing;
  useAltShortcut('S', () => void saveDraft(), active);
  useAltShortcut('R', () => void runRegister(), active);
  useAltShortcut('N', () => void startRefusal(), active);

  return (
    <Spin spinning={resumed.loading} description="正在读取暂存的登记…">
      {resumed.error && <Alert type="error" showIcon title={`无法继续暂存第 ${draftId} 号：${resumed.error.message}`} style={{ marginBottom: 16 }} data-testid="draft-error" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={INITIAL_VALUES}
        disabled={done}
        onFinish={() => void runCheck()}
        onValuesChange={onValuesChange}
        data-testid="marriage-form"
      >
        <Row gutter={16}>
          {PARTY_KEYS.map((party) => (
            <Col key={party} xs={24} lg={12}>
              <PartyFields party={party} disabled={done} onCard={readCard(party)} nameRef={nameRefs[party]} />
            </Col>
          ))}
        </Row>
        <div style={{ marginTop: 16 }}>
          {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} data-testid="marriage-error" />}
          {/* Once registered, the certificates are what matters; the findings are on the review form. */}
          {check && !registration && <CheckResult check={check} />}
        </div>
        {!done && (
          <div className="marriage-steps">
            <Space align="center" wrap style={{ marginBottom: 12 }}>
              <Typography.Text strong>申请结婚登记声明书</Typography.Text>
              <DocumentActions name="声明书" letter="P" load={loadDeclaration} printers={printers.data} testId="declaration" disabled={done || resumed.loading} />
            </Space>
            <Form.Item name="declarationSigned" valuePropName="checked" style={{ marginBottom: 4 }}>
              <Checkbox ref={declarationBox} data-testid="declaration-signed">
                申请结婚登记声明书已由双方在婚姻登记员面前签名并按指纹
              </Checkbox>
            </Form.Item>
            <Form.Item name="consentConfirmed" valuePropName="checked">
              <Checkbox data-testid="consent-confirmed">婚姻登记员已确认双方完全自愿</Checkbox>
            </Form.Item>
            {needsAuthorization && <PlatformOverridePanel message={check?.platformMessage ?? null} />}
            <Space wrap>
              <Button ref={checkButton} htmlType="submit" icon={<AuditOutlined />} loading={running === 'check'} aria-keyshortcuts="Enter" data-testid="marriage-check">
                审查（Enter）
              </Button>
              <Button type="primary" icon={<CheckCircleOutlined />} loading={running === 'register'} onClick={() => void runRegister()} aria-keyshortcuts="Alt+R" data-testid="marriage-register">
                {altLabel('登记', 'R')}
              </Button>
              <Button danger icon={<StopOutlined />} onClick={() => void startRefusal()} aria-keyshortcuts="Alt+N" data-testid="marriage-refuse">
                {altLabel('不予登记', 'N')}
              </Button>
              <Button icon={<SaveOutlined />} loading={running === 'save'} onClick={() => void saveDraft()} aria-keyshortcuts="Alt+S" data-testid="marriage-save-draft">
                {altLabel('暂存', 'S')}
              </Button>
              {draft && (
                <Tag color="blue" data-testid="marriage-draft">
                  暂存第 {draft.id} 号 · {formatDateTime(draft.updatedAt)}
                </Tag>
              )}
            </Space>
          </div>
        )}
      </Form>
      <MarriageOutcome registration={registration} refused={refused} printers={printers} onNew={onNew} />
      {refusing && <RefuseDialog names={refusing.names} initialValues={refusing.initial} onSubmit={refuse} onClosed={() => setRefusing(null)} />}
    </Spin>
  );
}
