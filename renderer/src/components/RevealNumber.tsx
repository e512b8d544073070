// 显示完整号码: a masked 证件号码 or phone with a small button that asks the core for the full number of
// this one record (register.reveal, written to the audit log: who, when, whose, which field) and shows it
// until the clerk hides it again or leaves the page. The masked text is all the list ever receives.
import { useState } from 'react';
import { Button, Tooltip } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import type { RequestOf } from '../../../shared/contract/index.ts';
import { api } from '../api/transport.ts';

export interface RevealNumberProps {
  masked: string;
  target: RequestOf<'register.reveal'>;
  /** The digits the clerk searched, highlighted in the masked text (后 6 位搜索). */
  highlight?: string;
  testId?: string;
}

/** The masked text with the searched digits marked, when they show in it. */
export function MarkedNumber({ text, highlight }: { text: string; highlight?: string }) {
  const at =
    highlight && highlight.length >= 3 ? text.toUpperCase().lastIndexOf(highlight.toUpperCase()) : -1;
  if (at < 0 || !highlight) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark className="search-hit">{text.slice(at, at + highlight.length)}</mark>
      {text.slice(at + highlight.length)}
    </>
  );
}

export function RevealNumber({ masked, target, highlight, testId = 'reveal-number' }: RevealNumberProps) {
  const [full, setFull] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (masked === '') return null;
  const reveal = async () => {
    const r = await api.call('register.reveal', target);
    if (r.ok) {
      setFull(r.value.value);
      setError(null);
    } else setError(r.error.message);
  };
  return (
    <span className="reveal-number" data-testid={testId}>
      <span className="mono" data-testid={`${testId}-value`}>
        {full ?? <MarkedNumber text={masked} highlight={highlight} />}
      </span>
      <Tooltip title={error ?? (full === null ? '显示完整号码（记入操作记录）' : '隐藏')}>
        <Button
          type="text"
          size="small"
          className="reveal-number-button"
          icon={full === null ? <EyeOutlined /> : <EyeInvisibleOutlined />}
          aria-label={full === null ? '显示完整号码' : '隐藏完整号码'}
          onMouseDown={(e) => e.stopPropagation()}
          onDoubleClick={(e) => e.stopPropagation()}
          onClick={(e) => {
            e.stopPropagation();
            if (full === null) void reveal();
            else setFull(null);
          }}
          data-testid={`${testId}-button`}
        />
      </Tooltip>
    </span>
  );
}
