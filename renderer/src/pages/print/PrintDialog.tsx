// 打印预览: the form as it will print (the core's HTML in a sandboxed frame, one part per village), the
// page count from the PDF the core lays out meanwhile, the form's options (年度, 公示期 …), and 打印 /
// 另存为 PDF. In the desktop program 打印 goes to the printer chosen here (or the system dialog); in
// browser mode the browser's own print dialog prints the part shown.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Input, InputNumber, Modal, Select, Spin, Typography } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import type { RequestOf, ResponseOf } from '../../../../shared/contract/index.ts';
import { useDebouncedValue } from '../../api/useDebouncedValue.ts';
import { useLedgerQuery } from '../../api/useLedgerQuery.ts';
import { api } from '../../api/transport.ts';
import { saveGeneratedFile, savedMessage } from '../../api/save-file.ts';
import { printedOptions, printFormDef } from '../../../../shared/print/forms.ts';
import './print.css';

export type PrintRequest = RequestOf<'print.render'>;
type FormInfo = ResponseOf<'print.forms'>[number];
type PdfAnswer = ResponseOf<'print.pdf'>;

const SYSTEM_DIALOG = '';

export function PrintDialog(props: {
  open: boolean;
  onClose: () => void;
  /** What to print; the dialog adds 年度 and the form's options. */
  request: PrintRequest;
  /** What the clerk is printing (“东坡村”, “户 4206…”), for the title. */
  subject: string;
  /** Options fixed by the caller and not shown (the 报表 of a report page). */
  hiddenOptions?: readonly string[];
}) {
  const { message } = App.useApp();
  const forms = useLedgerQuery('print.forms', {});
  const form: FormInfo | undefined = forms.data?.find((f) => f.id === props.request.form);
  const [year, setYear] = useState<number | null>(props.request.year ?? null);
  // What the clerk changed; the rest comes from the form's defaults and the caller.
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [part, setPart] = useState(0);
  const options = useMemo(
    () => ({ ...form?.defaults, ...props.request.options, ...edits }),
    [form, props.request.options, edits],
  );
  const setOption = (key: string, value: string) => setEdits((x) => ({ ...x, [key]: value }));

  const request = useMemo<PrintRequest>(
    () => ({ ...props.request, year, options }),
    [props.request, year, options],
  );
  // Compared by value: callers may pass a new but equal request on every render.
  const key = JSON.stringify(useDebouncedValue(request, 500));
  const settled = useMemo(() => JSON.parse(key) as PrintRequest, [key]);
  const ready = props.open && form !== undefined;
  const preview = useLedgerQuery('print.render', settled, [], { enabled: ready });
  const documents = preview.data?.documents ?? [];
  const shown = documents[Math.min(part, Math.max(0, documents.length - 1))];

  // The PDF (page count, 另存为 PDF) is laid out once the preview is there.
  const [pdf, setPdf] = useState<{ for: string; answer?: PdfAnswer; error?: string } | null>(null);
  useEffect(() => {
    if (!ready || preview.data === undefined) return;
    let live = true;
    void api.call('print.pdf', settled).then((r) => {
      if (live) setPdf(r.ok ? { for: key, answer: r.value } : { for: key, error: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [ready, preview.data, key, settled]);
  const pdfNow = pdf?.for === key ? pdf : null;

  const printers = useLedgerQuery('print.printers', {}, [], {
    enabled: props.open && api.host === 'electron',
  });
  const [printer, setPrinter] = useState(SYSTEM_DIALOG);
  const [busy, setBusy] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);

  const print = async () => {
    if (api.host === 'browser') {
      frame.current?.contentWindow?.print();
      return;
    }
    setBusy(true);
    const r = await api.call('print.send', {
      ...settled,
      printer: printer === SYSTEM_DIALOG ? null : printer,
    });
    setBusy(false);
    if (!r.ok) void message.error(r.error.message, 6);
    else if (r.value.printed) void message.success(`已送打印机：共 ${r.value.pages} 页`);
  };
  const savePdf = async () => {
    const answer = pdfNow?.answer;
    if (!answer) return;
    const saved = await saveGeneratedFile(answer);
    if (!saved.ok) void message.error(saved.error.message, 6);
    else {
      const text = savedMessage(
        answer.fileName,
        `${preview.data?.title ?? 'PDF'}（${answer.pages} 页）`,
        saved.value,
      );
      if (text !== null) void message.success(text);
    }
  };

  const pages = pdfNow?.answer
    ? `共 ${pdfNow.answer.pages} 页${pdfNow.answer.documents.length > 1 ? `（${pdfNow.answer.documents.map((d) => `${d.label} ${d.pages} 页`).join('，')}）` : ''}`
    : null;
  // Only what applies to what is printed (列表打印 of 查人 takes no 年度, 报表 or 统计日期), from the form's
  // definition (shared/print/forms.ts `sources`); less what the caller fixes (the 报表 of a report page).
  const formDef = printFormDef(props.request.form);
  const applies = formDef ? printedOptions(formDef, props.request) : { year: false, options: [] };
  const visibleOptions = (form?.options ?? []).filter(
    (o) => applies.options.some((a) => a.key === o.key) && !(props.hiddenOptions ?? []).includes(o.key),
  );

  return (
    <Modal
      open={props.open}
      onCancel={props.onClose}
      title={`打印预览：${form?.title ?? ''}（${props.subject}）`}
      width="min(1200px, 96vw)"
      footer={[
        <span key="pages" className="print-pages" data-testid="print-pages">
          {pages ?? (pdfNow?.error ? '' : preview.data ? <Spin size="small" /> : null)}
          {pages === null && !pdfNow?.error && preview.data && ' 正在排版，计算页数…'}
        </span>,
        api.host === 'electron' && (
          <Select
            key="printer"
            value={printer}
            onChange={setPrinter}
            style={{ width: 260, textAlign: 'left' }}
            aria-label="打印机"
            options={[
              { value: SYSTEM_DIALOG, label: '在系统对话框中选择打印机' },
              ...(printers.data ?? []).map((p) => ({ value: p.name, label: p.displayName })),
            ]}
            data-testid="print-printer"
          />
        ),
        <Button key="close" onClick={props.onClose}>
          关闭
        </Button>,
        <Button
          key="pdf"
          icon={<FilePdfOutlined />}
          disabled={!pdfNow?.answer}
          onClick={() => void savePdf()}
          data-testid="print-save-pdf"
        >
          另存为 PDF
        </Button>,
        <Button
          key="print"
          type="primary"
          icon={<PrinterOutlined />}
          loading={busy}
          disabled={preview.data === undefined}
          onClick={() => void print()}
          data-testid="print-send"
        >
          打印
        </Button>,
      ]}
      data-testid="print-dialog"
      destroyOnHidden
    >
      <div className="print-dialog">
        <div className="print-options">
          {form !== undefined && applies.year && (
            <label className="print-option">
              <span>年度</span>
              <InputNumber<number>
                min={2000}
                max={2100}
                value={year}
                placeholder="最新年度"
                onChange={(v) => setYear(v ?? null)}
                data-testid="print-year"
              />
            </label>
          )}
          {visibleOptions.map((o) => (
            <label key={o.key} className="print-option" title={o.help}>
              <span>{o.label}</span>
              {o.choices ? (
                <Select
                  value={options[o.key] ?? o.choices[0]?.value ?? ''}
                  onChange={(v: string) => setOption(o.key, v)}
                  options={o.choices}
                  style={{ width: 220 }}
                  data-testid={`print-option-${o.key}`}
                />
              ) : (
                <Input
                  value={options[o.key] ?? ''}
                  placeholder={o.help}
                  onChange={(e) => setOption(o.key, e.target.value)}
                  style={{ width: o.key === 'place' ? 220 : 150 }}
                  data-testid={`print-option-${o.key}`}
                />
              )}
            </label>
          ))}
          {documents.length > 1 && (
            <label className="print-option">
              <span>预览</span>
              <Select
                value={Math.min(part, documents.length - 1)}
                onChange={setPart}
                options={documents.map((d, i) => ({ value: i, label: `${i + 1}. ${d.label}` }))}
                style={{ width: 200 }}
                data-testid="print-part"
              />
              <Typography.Text type="secondary">共 {documents.length} 份，各自从第 1 页编号</Typography.Text>
            </label>
          )}
        </div>
        {preview.error && (
          <Alert
            type="error"
            showIcon
            title="无法生成打印页面"
            description={preview.error.message}
            data-testid="print-error"
          />
        )}
        {pdfNow?.error && (
          <Alert
            type="error"
            showIcon
            title="无法生成 PDF"
            description={pdfNow.error}
            data-testid="print-pdf-error"
          />
        )}
        {preview.data && preview.data.unverified.count > 0 && (
          <Alert
            type="warning"
            showIcon
            title={`${preview.data.unverified.count} 户（条）数据未通过校验：打印件每页印有“未校验”水印`}
            description={preview.data.unverified.examples.join('；')}
            data-testid="print-unverified"
          />
        )}
        <div className="print-preview">
          {shown ? (
            <iframe
              ref={frame}
              key={`${key}-${part}`}
              title="打印预览"
              srcDoc={shown.html}
              sandbox="allow-same-origin allow-modals"
              className={`print-frame print-frame-${shown.orientation}`}
              data-testid="print-frame"
            />
          ) : (
            !preview.error && <Spin />
          )}
        </div>
      </div>
    </Modal>
  );
}
