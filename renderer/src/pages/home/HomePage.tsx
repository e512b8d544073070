// 首页: real counts for the region selected in the tree, from 'stats.summary'. No charts, no made-up numbers.
import { Alert, Button, Col, Row, Spin, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { ResponseOf } from '../../../../shared/contract/index.ts';
import { useLedgerQuery } from '../../api/useLedgerQuery.ts';
import { useRegionSelection } from '../../state/region-context.ts';
import { LEVEL_LABELS, type RegionLevel } from '../../state/region-tree-data.ts';
import { CountByTable } from './CountByTable.tsx';
import { CountCard } from './CountCard.tsx';

type Summary = ResponseOf<'stats.summary'>;
type SubLevel = 'townships' | 'villages' | 'groups';

/** Sub-level counts that make sense below each level. */
const LEVELS_BELOW: Record<RegionLevel, readonly SubLevel[]> = {
  county: ['townships', 'villages', 'groups'],
  township: ['villages', 'groups'],
  village: ['groups'],
  group: [],
};

const SUB_LEVEL_TITLES: Record<SubLevel, string> = { townships: '乡镇', villages: '村', groups: '组' };

const CLASSIFICATIONS = [
  { key: 'byPovertyAttribute', title: '贫困户属性', testId: 'home-by-poverty-attribute' },
  { key: 'byHouseholdType', title: '户类型', testId: 'home-by-household-type' },
  { key: 'byPovertyStatus', title: '脱贫状态', testId: 'home-by-poverty-status' },
  { key: 'byMonitorCategory', title: '监测对象类别', testId: 'home-by-monitor-category' },
  { key: 'byMainCause', title: '主要致贫原因', testId: 'home-by-main-cause' },
] as const satisfies readonly { key: keyof Summary; title: string; testId: string }[];

export function HomePage() {
  const { selectedCode, selected, path } = useRegionSelection();
  const stats = useLedgerQuery('stats.summary', { regionCode: selectedCode });
  const data = stats.data;
  const region = data?.region ?? selected;
  const parents = path.slice(0, -1).map((n) => n.name);

  return (
    <div data-testid="page-home">
      <div className="page-heading">
        <Typography.Title level={4} data-testid="home-region-name">
          {region?.name ?? '全县'}
        </Typography.Title>
        {region !== undefined && <Tag>{LEVEL_LABELS[region.level]}</Tag>}
        {parents.length > 0 && <span className="page-heading-path">{parents.join(' / ')}</span>}
        <span className="page-heading-actions">
          <Button
            icon={<ReloadOutlined />}
            onClick={stats.reload}
            loading={stats.loading}
            data-testid="home-reload"
          >
            刷新
          </Button>
        </span>
      </div>

      {stats.error !== undefined && (
        <Alert
          type="error"
          showIcon
          title="统计数据读取失败"
          description={stats.error.message}
          style={{ marginBottom: 12 }}
          data-testid="home-error"
        />
      )}

      {data === undefined ? (
        stats.loading && <Spin description="正在统计……" style={{ display: 'block', padding: 48 }} />
      ) : (
        <Spin spinning={stats.loading} delay={200}>
          <SummaryView data={data} />
        </Spin>
      )}
    </div>
  );
}

function SummaryView({ data }: { data: Summary }) {
  return (
    <>
      {data.households === 0 && (
        <Alert
          type="info"
          showIcon
          title="本区划暂无户籍数据。"
          style={{ marginBottom: 12 }}
          data-testid="home-empty"
        />
      )}
      <Row gutter={[12, 12]}>
        <Col flex="1 1 120px">
          <CountCard title="户数" value={data.households} unit="户" testId="home-households" />
        </Col>
        <Col flex="1 1 120px">
          <CountCard title="人数" value={data.persons} unit="人" testId="home-persons" />
        </Col>
        {LEVELS_BELOW[data.region.level].map((key) => (
          <Col flex="1 1 120px" key={key}>
            <CountCard
              title={`${SUB_LEVEL_TITLES[key]}数`}
              value={data[key]}
              unit="个"
              testId={`home-${key}`}
            />
          </Col>
        ))}
      </Row>

      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col flex="1 1 120px">
          <CountCard title="残疾人数" value={data.disabledPersons} unit="人" testId="home-disabled" />
        </Col>
        <Col flex="1 1 120px">
          <CountCard title="享受低保人数" value={data.dibaoPersons} unit="人" testId="home-dibao" />
        </Col>
        <Col flex="1 1 120px">
          <CountCard title="劳动力人数" value={data.laborForce} unit="人" testId="home-labor" />
        </Col>
      </Row>

      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        {CLASSIFICATIONS.map((c) => (
          <Col xs={24} lg={12} xxl={8} key={c.key}>
            <CountByTable title={c.title} rows={data[c.key]} households={data.households} testId={c.testId} />
          </Col>
        ))}
      </Row>
    </>
  );
}
