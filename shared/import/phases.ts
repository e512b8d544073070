/** Import progress phases (keys sent by the core) as the clerk reads them. */
export const PHASE_LABELS: Readonly<Record<string, string>> = {
  queued: '排队等候',
  detect: '识别文件格式',
  workbook: '读取工作簿',
  sheet: '读取工作表',
  strings: '读取文字内容',
  csv: '读取文本文件',
  header: '识别表头',
  validate: '校验数据',
  backup: '备份台账',
  commit: '写入台账',
  report: '生成错误报告',
  quality: '数据质量核查',
};

export const phaseLabel = (phase: string): string => PHASE_LABELS[phase] ?? phase;
