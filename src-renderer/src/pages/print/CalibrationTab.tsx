import { Alert, App, Col, Row, Table, Typography } from 'antd';
import { ROLES, ROLE_LABELS, hasPermission, type OpOutput } from '../../../../src-main/contract';
import { call } from '../../api/client';
import { useCurrentSession } from '../../currentSession';
import { formatDateTime } from '../../format';
import { useQuery } from '../../useQuery';
import { CalibrationForm, type CalibrationValues } from './CalibrationForm';

interface PrinterRow {
  printer: string;
  isDefault: boolean;
  offsetXmm: number;
  offsetYmm: number;
  /** Null: never calibrated, printed without offset. */
  updatedAt: string | null;
}

/** The printers CUPS knows and those calibrated before (perhaps no longer installed), by name. */
function printerRows(data: OpOutput<'print.printers'> | null): PrinterRow[] {
  if (!data) return [];
  const names = [...new Set([...data.printers, ...data.calibrations.map((c) => c.printer)])];
  return names.map((printer) => {
    const saved = data.calibrations.find((c) => c.printer === printer);
    return {
      printer,
      isDefault: printer === data.defaultPrinter,
      offsetXmm: saved?.offsetXmm ?? 0,
      offsetYmm: saved?.offsetYmm ?? 0,
      updatedAt: saved?.updatedAt ?? null,
    };
  });
}

const CALIBRATORS = ROLES.filter((role) => hasPermission(role, 'print.calibrate'))
  .map((role) => ROLE_LABELS[role])
  .join('、');

/** 套打校准: each printer's offsets, the calibration page, and (for those who may) saving new offsets. */
export function CalibrationTab() {
  const { message } = App.useApp();
  const { status } = useCurrentSession();
  const canCalibrate = hasPermission(status.user.role, 'print.calibrate');
  const printers = useQuery('print.printers', {});
  const rows = printerRows(printers.data);

  const save = async (values: CalibrationValues): Promise<void> => {
    await call('print.calibrate', values);
    void message.success(`已保存打印机 ${values.printer} 的校准值`);
    printers.reload();
  };

  return (
    <div data-testid="calibration-page">
      <Alert
        type="info"
        showIcon
        title="校准方法"
        description={
          <ol className="calibration-steps">
            <li>在一张空白的结婚证（离婚证）内页上打印校准页；校准页按该打印机现有的校准值打印。</li>
            <li>用直尺量出每个十字中心偏离票据上对应标记多少毫米。</li>
            <li>
              校准值（毫米，向右、向下为正）加到该打印机套打的每个位置上，所以偏差要从现有校准值中抵消：十字偏右 1.5 毫米，就把水平偏移减 1.5；偏上 0.5 毫米，就把垂直偏移加 0.5。保存后再打印一次校准页核对。
            </li>
          </ol>
        }
        style={{ marginBottom: 16 }}
      />
      {printers.error && <Alert type="error" showIcon title={`打印机列表读取失败：${printers.error.message}`} style={{ marginBottom: 16 }} />}
      <Row gutter={24}>
        <Col xs={24} xl={14}>
          <Table<PrinterRow>
            rowKey="printer"
            size="small"
            loading={printers.loading}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: '未找到打印机，也没有保存过的校准值；可在右侧直接输入打印机名称' }}
            columns={[
              {
                title: '打印机',
                dataIndex: 'printer',
                render: (_, row) => (row.isDefault ? `${row.printer}（默认）` : row.printer),
              },
              { title: '水平偏移（毫米）', dataIndex: 'offsetXmm', align: 'right' },
              { title: '垂直偏移（毫米）', dataIndex: 'offsetYmm', align: 'right' },
              {
                title: '更新时间',
                dataIndex: 'updatedAt',
                render: (_, row) => (row.updatedAt ? formatDateTime(row.updatedAt) : <Typography.Text type="secondary">未校准</Typography.Text>),
              },
            ]}
          />
        </Col>
        <Col xs={24} xl={10}>
          {!canCalibrate && (
            <Alert type="warning" showIcon title={`只能打印校准页；校准值仅限${CALIBRATORS}修改`} style={{ marginBottom: 16 }} />
          )}
          <CalibrationForm printers={rows} canCalibrate={canCalibrate} onSave={save} />
        </Col>
      </Row>
    </div>
  );
}
