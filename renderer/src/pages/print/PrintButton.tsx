// 打印 on a screen: one form (a button) or several (a menu), each opening the print preview for what
// the screen shows — the region picked in the tree, the household open, the report computed.
import { useState } from 'react';
import { Button, Dropdown } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useLedgerQuery } from '../../api/useLedgerQuery.ts';
import { PrintDialog, type PrintRequest } from './PrintDialog.tsx';

export interface PrintChoice {
  key: string;
  /** Menu text; the form's title when not given. */
  label?: string;
  request: PrintRequest;
  hiddenOptions?: readonly string[];
}

export function PrintButton(props: {
  choices: readonly PrintChoice[];
  subject: string;
  disabled?: boolean;
  testId: string;
}) {
  const forms = useLedgerQuery('print.forms', {});
  const [open, setOpen] = useState<PrintChoice | null>(null);
  const labelOf = (c: PrintChoice) =>
    c.label ?? forms.data?.find((f) => f.id === c.request.form)?.title ?? c.key;
  const first = props.choices[0];
  return (
    <>
      {props.choices.length === 1 && first ? (
        <Button
          icon={<PrinterOutlined />}
          disabled={props.disabled}
          onClick={() => setOpen(first)}
          data-testid={props.testId}
        >
          打印
        </Button>
      ) : (
        <Dropdown
          disabled={props.disabled}
          menu={{
            items: props.choices.map((c) => ({
              key: c.key,
              label: labelOf(c),
              'data-testid': `${props.testId}-${c.key}`,
            })),
            onClick: ({ key }) => setOpen(props.choices.find((c) => c.key === key) ?? null),
          }}
        >
          <Button icon={<PrinterOutlined />} data-testid={props.testId}>
            打印
          </Button>
        </Dropdown>
      )}
      {open && (
        <PrintDialog
          open
          onClose={() => setOpen(null)}
          request={open.request}
          subject={props.subject}
          {...(open.hiddenOptions ? { hiddenOptions: open.hiddenOptions } : {})}
        />
      )}
    </>
  );
}
