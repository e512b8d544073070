// One number on the home page. `data-value` carries the raw number (the text shows "2,000").
import { Card, Statistic } from 'antd';

export function CountCard(props: { title: string; value: number; unit: string; testId: string }) {
  const { title, value, unit, testId } = props;
  return (
    <Card size="small">
      <Statistic title={title} value={value} suffix={unit} data-testid={testId} data-value={String(value)} />
    </Card>
  );
}
