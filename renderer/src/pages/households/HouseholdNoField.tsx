// The 户编号 box of a household about to be created (新增户, 迁移 → 新立一户): the village's next number,
// editable; the same field in both places.
import { Form, Input } from 'antd';
import type { HouseholdNoInput } from './useHouseholdNo.ts';

export function HouseholdNoField({
  id,
  label,
  householdNo,
}: {
  id: string;
  label: string;
  householdNo: HouseholdNoInput;
}) {
  return (
    <Form.Item label={label} htmlFor={id} help="按所在村自动编号，可修改" className="place-row-no">
      <Input
        id={id}
        value={householdNo.shown}
        onChange={(e) => householdNo.type(e.target.value)}
        maxLength={30}
        autoComplete="off"
        className="mono"
        data-testid={id}
      />
    </Form.Item>
  );
}
