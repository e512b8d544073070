// 打印 on a household's page: every form printed one household at a time (一户一策, 政策明白卡, 入户核查表 …),
// for this household.
import { useLedgerQuery } from '../../api/useLedgerQuery.ts';
import { PrintButton } from './PrintButton.tsx';

export function HouseholdPrintButton(props: { householdId: number; householdNo: string }) {
  const forms = useLedgerQuery('print.forms', {});
  const choices = (forms.data ?? [])
    .filter((f) => f.targets.includes('household'))
    .map((f) => ({ key: f.id, request: { form: f.id, householdId: props.householdId } }));
  if (choices.length === 0) return null;
  return <PrintButton subject={`户 ${props.householdNo}`} choices={choices} testId="household-page-print" />;
}
