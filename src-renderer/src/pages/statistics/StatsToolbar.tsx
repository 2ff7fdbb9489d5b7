import { Button, DatePicker, Segmented, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { STATS_GRANULARITIES, STATS_GRANULARITY_LABELS, STATS_MAX_YEARS, type StatsGranularity } from '../../../../src-main/contract';

export type DateRange = [string, string];

interface StatsToolbarProps {
  /** The range shown: the one chosen, or the one the server used by default (null before it answered). */
  range: DateRange | null;
  /** The station's date: nothing after it can have been registered. */
  today: string | null;
  granularity: StatsGranularity;
  onRange: (range: DateRange) => void;
  onGranularity: (granularity: StatsGranularity) => void;
  onExport: () => void;
  exporting: boolean;
}

const DATE = 'YYYY-MM-DD';

function presets(today: Dayjs): { label: string; value: [Dayjs, Dayjs] }[] {
  const lastMonth = today.subtract(1, 'month');
  return [
    { label: '本月', value: [today.startOf('month'), today] },
    { label: '上月', value: [lastMonth.startOf('month'), lastMonth.endOf('month')] },
    { label: '本季度', value: [today.month(Math.floor(today.month() / 3) * 3).startOf('month'), today] },
    { label: '今年', value: [today.startOf('year'), today] },
    { label: '去年', value: [today.subtract(1, 'year').startOf('year'), today.subtract(1, 'year').endOf('year')] },
    { label: '近 12 个月', value: [today.subtract(11, 'month').startOf('month'), today] },
  ];
}

/** 统计区间, 按日/按月, and 导出 Excel. */
export function StatsToolbar({ range, today, granularity, onRange, onGranularity, onExport, exporting }: StatsToolbarProps) {
  const stationToday = today ? dayjs(today) : dayjs();
  return (
    <Space wrap size={[16, 12]} style={{ marginBottom: 16 }}>
      <Space>
        <span>统计区间</span>
        <DatePicker.RangePicker
          allowClear={false}
          value={range ? [dayjs(range[0]), dayjs(range[1])] : null}
          presets={presets(stationToday)}
          disabledDate={(current, info) => {
            if (current.isAfter(stationToday, 'day')) return true;
            // One request covers at most STATS_MAX_YEARS years (the server says so too).
            const picked = info?.from;
            if (!picked) return false;
            return current.isAfter(picked.add(STATS_MAX_YEARS, 'year').subtract(1, 'day'), 'day') || current.isBefore(picked.subtract(STATS_MAX_YEARS, 'year').add(1, 'day'), 'day');
          }}
          onChange={(values) => {
            if (values?.[0] && values[1]) onRange([values[0].format(DATE), values[1].format(DATE)]);
          }}
          data-testid="stats-range"
        />
      </Space>
      <Segmented<StatsGranularity>
        value={granularity}
        options={STATS_GRANULARITIES.map((g) => ({ value: g, label: STATS_GRANULARITY_LABELS[g] }))}
        onChange={onGranularity}
        data-testid="stats-granularity"
      />
      <Button icon={<DownloadOutlined />} onClick={onExport} loading={exporting} disabled={!range} data-testid="stats-export">
        导出 Excel
      </Button>
    </Space>
  );
}
