// 数据质量: run the rules for the region chosen in the tree (progress, 取消), the counts per rule and per
// village of the last check, the findings with a link to the household, person or record to fix, 豁免
// with a reason, 转为整改 in one action and the xlsx 问题清单 (疑点数据统计表 + one sheet per rule).
import { useEffect, useState } from 'react';
import { App, Button, Empty, Input, Modal, Progress, Segmented, Space, Table, Tag } from 'antd';
import { ExportOutlined, PlayCircleOutlined, StopOutlined } from '@ant-design/icons';
import type { ResponseOf } from '../../../../shared/contract/index.ts';
import { api } from '../../api/transport.ts';
import { useLedgerQuery } from '../../api/useLedgerQuery.ts';
import { saveGeneratedFile, savedMessage } from '../../api/save-file.ts';
import { LoadErrorAlert } from '../../components/LoadErrorAlert.tsx';
import { useRegionSelection } from '../../state/region-context.ts';
import { useRoute } from '../../state/route.ts';
import './quality.css';

type Job = ResponseOf<'quality.job'>;
type Finding = ResponseOf<'quality.findings'>['rows'][number];
type State = 'open' | 'exempt';

const PAGE = 50;

export function QualityPage() {
  const { message } = App.useApp();
  const { open } = useRoute();
  const { selectedCode } = useRegionSelection();
  const [job, setJob] = useState<Job | null>(null);
  const [rule, setRule] = useState<string | null>(null);
  const [village, setVillage] = useState<string | null>(null);
  const [state, setState] = useState<State>('open');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<number[]>([]);
  const [exempting, setExempting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const summary = useLedgerQuery('quality.summary', { regionCode: selectedCode }, [job?.state]);
  const findings = useLedgerQuery(
    'quality.findings',
    { regionCode: selectedCode, rule, villageCode: village, state, offset: (page - 1) * PAGE, limit: PAGE },
    [job?.state],
  );

  // Polls the running check; the page stays usable meanwhile.
  useEffect(() => {
    if (job?.state !== 'running') return;
    const timer = window.setTimeout(() => {
      void api.call('quality.job', { jobId: job.jobId }).then((r) => {
        if (r.ok) setJob(r.value);
        else setJob({ ...job, state: 'failed', error: r.error.message });
      });
    }, 400);
    return () => window.clearTimeout(timer);
  }, [job]);

  const start = async () => {
    const r = await api.call('quality.start', { regionCode: selectedCode });
    if (!r.ok) return void message.error(r.error.message);
    setJob({ jobId: r.value.jobId, state: 'running', done: 0, total: 0, current: null, summary: null, error: null });
  };
  const cancel = async () => {
    if (job) await api.call('quality.cancel', { jobId: job.jobId });
  };
  const afterChange = (text: string) => {
    setSelected([]);
    summary.reload();
    findings.reload();
    void message.success(text);
  };
  const exempt = async () => {
    setBusy(true);
    const r = await api.call('quality.exempt', { ids: selected, reason });
    setBusy(false);
    if (!r.ok) return void message.error(r.error.message);
    setExempting(false);
    setReason('');
    afterChange(`已豁免 ${r.value.count} 条（数据改动后会重新报出）`);
  };
  const unexempt = async () => {
    const r = await api.call('quality.unexempt', { ids: selected });
    if (!r.ok) return void message.error(r.error.message);
    afterChange(`已取消豁免 ${r.value.count} 条`);
  };
  const rectify = async () => {
    setBusy(true);
    const r = await api.call('quality.rectify', { ids: selected });
    setBusy(false);
    if (!r.ok) return void message.error(r.error.message);
    afterChange(`已生成 ${r.value.created} 条问题整改记录（问题消除后，下次核查自动销号）`);
  };
  const exportList = async () => {
    setBusy(true);
    const r = await api.call('quality.export', { regionCode: selectedCode });
    if (!r.ok) {
      setBusy(false);
      return void message.error(r.error.message);
    }
    const saved = await saveGeneratedFile(r.value);
    setBusy(false);
    if (!saved.ok) return void message.error(saved.error.message);
    const text = savedMessage(r.value.fileName, '问题清单', saved.value);
    if (text) void message.success(text);
  };

  const openTarget = (f: Finding) => {
    if (f.ledger !== null) open({ page: 'ledger', id: f.ledger });
    else if (f.personId !== null) open({ page: 'person', id: f.personId }, f.person ?? '人员');
    else if (f.householdId !== null) open({ page: 'household', id: f.householdId }, `户 ${f.household ?? ''}`);
  };

  const rules = (summary.data?.rules ?? []).filter((r) => r.count > 0 || r.exempt > 0);
  const running = job?.state === 'running';
  const last = summary.data?.lastRun;

  return (
    <div className="quality-page" data-testid="quality-page">
      <div className="quality-toolbar">
        <Button type="primary" icon={<PlayCircleOutlined />} onClick={() => void start()} disabled={running} data-testid="quality-run">
          开始核查
        </Button>
        {running && (
          <>
            <Progress percent={job.total === 0 ? 0 : Math.round((job.done / job.total) * 100)} size="small" style={{ width: 200 }} />
            <span className="import-muted" data-testid="quality-progress">{job.current ? `正在核查：${job.current}` : '准备中…'}</span>
            <Button icon={<StopOutlined />} onClick={() => void cancel()}>取消</Button>
          </>
        )}
        {job?.state === 'cancelled' && <span className="import-muted">已取消，上次的核查结果不变。</span>}
        {job?.state === 'failed' && <span className="quality-error">{job.error}</span>}
        {job?.state === 'done' && job.summary && (
          <span data-testid="quality-done">
            核查完成：{job.summary.households} 户、{job.summary.rules} 条规则，待处理问题 {job.summary.findings} 条（新增 {job.summary.newFindings} 条
            {job.summary.closedRectifications > 0 ? `，整改销号 ${job.summary.closedRectifications} 条` : ''}）
            {job.summary.exempt > 0 ? `，另有已豁免 ${job.summary.exempt} 条` : ''}
          </span>
        )}
        {!running && job?.state !== 'done' && (
          <span className="import-muted">{last ? `上次核查：${last.finishedAt.slice(0, 16).replace('T', ' ')}（${last.households} 户）` : '本区域还没有核查过'}</span>
        )}
        <Button icon={<ExportOutlined />} onClick={() => void exportList()} loading={busy} style={{ marginLeft: 'auto' }} data-testid="quality-export">
          导出问题清单
        </Button>
      </div>
      <LoadErrorAlert title="读取核查结果失败" error={summary.error ?? findings.error} onRetry={summary.reload} />
      <div className="quality-columns">
        <div className="quality-side">
          <h3>各规则问题数</h3>
          <Table
            size="small"
            rowKey="id"
            dataSource={rules}
            pagination={false}
            locale={{ emptyText: <Empty description="没有发现问题" image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
            onRow={(r) => ({ onClick: () => { setRule(rule === r.id ? null : r.id); setPage(1); }, className: rule === r.id ? 'quality-chosen' : '' })}
            data-testid="quality-rules"
            columns={[
              { title: '编号', dataIndex: 'id', width: 90 },
              { title: '级别', dataIndex: 'level', width: 56, render: (v: string) => <Tag color={v === '错误' ? 'red' : 'orange'}>{v}</Tag> },
              { title: '规则', dataIndex: 'title' },
              { title: '问题', dataIndex: 'count', width: 56, align: 'right' },
              { title: '豁免', dataIndex: 'exempt', width: 56, align: 'right' },
            ]}
          />
          <h3>各村问题数</h3>
          <Table
            size="small"
            rowKey="code"
            dataSource={summary.data?.villages ?? []}
            pagination={{ pageSize: 10, size: 'small' }}
            onRow={(v) => ({ onClick: () => { setVillage(village === v.code ? null : v.code); setPage(1); }, className: village === v.code ? 'quality-chosen' : '' })}
            data-testid="quality-villages"
            columns={[
              { title: '村', render: (_: unknown, v) => `${v.township} ${v.name}` },
              { title: '问题', dataIndex: 'findings', width: 56, align: 'right' },
              { title: '问题户', dataIndex: 'householdsWithFindings', width: 64, align: 'right' },
              { title: '户数', dataIndex: 'households', width: 56, align: 'right' },
            ]}
          />
        </div>
        <div className="quality-main">
          <Space className="quality-filters" wrap>
            <Segmented<State> value={state} onChange={(v) => { setState(v); setPage(1); setSelected([]); }} options={[{ value: 'open', label: '待处理' }, { value: 'exempt', label: '已豁免' }]} />
            {rule && <Tag closable onClose={() => setRule(null)}>规则 {rule}</Tag>}
            {village && <Tag closable onClose={() => setVillage(null)}>村 {summary.data?.villages.find((v) => v.code === village)?.name ?? village}</Tag>}
            <span className="import-muted">共 {findings.data?.total ?? 0} 条，已选 {selected.length} 条</span>
            {state === 'open' ? (
              <>
                <Button disabled={selected.length === 0} onClick={() => setExempting(true)} data-testid="quality-exempt">豁免（核实无误）</Button>
                <Button disabled={selected.length === 0} onClick={() => void rectify()} loading={busy} data-testid="quality-rectify">转为整改</Button>
              </>
            ) : (
              <Button disabled={selected.length === 0} onClick={() => void unexempt()}>取消豁免</Button>
            )}
          </Space>
          <Table<Finding>
            size="small"
            rowKey="id"
            loading={findings.loading}
            dataSource={findings.data?.rows ?? []}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) }}
            pagination={{ current: page, pageSize: PAGE, total: findings.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
            data-testid="quality-findings"
            columns={[
              { title: '规则', dataIndex: 'rule', width: 90, render: (v: string, f) => <Tag color={f.level === '错误' ? 'red' : 'orange'}>{v}</Tag> },
              { title: '乡镇 村', dataIndex: 'region', width: 150 },
              { title: '问题说明', dataIndex: 'message' },
              {
                title: '去修改',
                width: 110,
                render: (_: unknown, f) => (
                  <Button type="link" size="small" onClick={() => openTarget(f)} data-testid="quality-open">
                    {f.ledger !== null ? '打开台账' : f.personId !== null ? `人员 ${f.person ?? ''}` : f.householdId !== null ? `户 ${f.household?.slice(-4) ?? ''}` : ''}
                  </Button>
                ),
              },
              {
                title: state === 'open' ? '整改' : '豁免理由',
                width: 140,
                render: (_: unknown, f) => (state === 'open' ? (f.rectificationId !== null ? <Tag color="blue">已转整改</Tag> : '') : `${f.exemptReason ?? ''}（${f.exemptBy ?? ''}）`),
              },
            ]}
          />
        </div>
      </div>
      <Modal title={`豁免 ${selected.length} 条问题`} open={exempting} onOk={() => void exempt()} onCancel={() => setExempting(false)} okText="确认豁免" cancelText="取消" confirmLoading={busy} okButtonProps={{ disabled: reason.trim() === '' }}>
        <p>已核实无误的，填写核实情况。数据改动后，豁免自动失效、问题重新报出。</p>
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={200} placeholder="如：已入户核实，该户常年照顾病人，劳动能力填写无误" data-testid="quality-exempt-reason" />
      </Modal>
    </div>
  );
} // prettier-ignore
