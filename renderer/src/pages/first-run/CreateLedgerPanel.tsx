// 创建新台账: pick 省 → 市 → 县 from the official catalogue, then 'ledger.create'.
import { useState } from 'react';
import { Alert, Button, Card, Select, Typography } from 'antd';
import type { ResponseOf } from '../../../../shared/contract/index.ts';
import { useLedgerQuery } from '../../api/useLedgerQuery.ts';

type Units = ResponseOf<'catalog.children'>;

const toOptions = (units: Units | undefined) => (units ?? []).map((u) => ({ value: u.code, label: u.name }));
const nameOf = (units: Units | undefined, code: string | undefined) =>
  code === undefined ? undefined : units?.find((u) => u.code === code)?.name;

export function CreateLedgerPanel(props: {
  busy: boolean;
  creating: boolean;
  onCreate: (countyCode: string) => void;
}) {
  const { busy, creating, onCreate } = props;
  const [province, setProvince] = useState<string>();
  const [chosenCity, setChosenCity] = useState<string>();
  const [county, setCounty] = useState<string>();

  const provinces = useLedgerQuery('catalog.children', { parentCode: null });
  const cities = useLedgerQuery('catalog.children', { parentCode: province ?? null }, [], {
    enabled: province !== undefined,
  });
  // Provinces with a single city level (直辖市: 市辖区) need no second choice.
  const onlyCity = !cities.loading && cities.data?.length === 1 ? cities.data[0]?.code : undefined;
  const city = chosenCity ?? onlyCity;
  const counties = useLedgerQuery('catalog.children', { parentCode: city ?? null }, [], {
    enabled: city !== undefined,
  });
  const cityUnits = cities.loading ? undefined : cities.data;
  const countyUnits = counties.loading ? undefined : counties.data;

  const failed = provinces.error ?? cities.error ?? counties.error;
  const chosenNames = [
    nameOf(provinces.data, province),
    nameOf(cityUnits, city),
    nameOf(countyUnits, county),
  ];

  return (
    <Card className="first-run-choice" title="创建新台账" data-testid="first-run-create-panel">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        选择本县，程序按国家统计用区划代码填入本县的乡镇和村，之后可导入或录入本县的户籍台账。
      </Typography.Paragraph>
      {failed !== undefined && (
        <Alert
          type="error"
          showIcon
          title="区划目录读取失败"
          description={failed.message}
          data-testid="catalog-error"
        />
      )}
      <Select
        aria-label="省"
        placeholder="省（自治区、直辖市）"
        showSearch={{ optionFilterProp: 'label' }}
        options={toOptions(provinces.data)}
        loading={provinces.loading}
        disabled={busy}
        value={province}
        onChange={(value: string) => {
          setProvince(value);
          setChosenCity(undefined);
          setCounty(undefined);
        }}
        data-testid="province-select"
      />
      <Select
        aria-label="市"
        placeholder="市（地区、州、盟）"
        showSearch={{ optionFilterProp: 'label' }}
        options={toOptions(cityUnits)}
        loading={cities.loading}
        disabled={busy || province === undefined}
        value={city}
        onChange={(value: string) => {
          setChosenCity(value);
          setCounty(undefined);
        }}
        data-testid="city-select"
      />
      <Select
        aria-label="县"
        placeholder="县（市、区、旗）"
        showSearch={{ optionFilterProp: 'label' }}
        options={toOptions(countyUnits)}
        loading={counties.loading}
        disabled={busy || city === undefined}
        value={county}
        onChange={(value: string) => setCounty(value)}
        data-testid="county-select"
      />
      <Typography.Text
        type={county === undefined ? 'secondary' : undefined}
        data-testid="first-run-create-target"
      >
        {county === undefined
          ? '请依次选择省、市、县。'
          : `将为 ${chosenNames.filter((n) => n !== undefined && n !== '市辖区').join('')} 建立台账。建立后本台账不能再改为其他县。`}
      </Typography.Text>
      <Button
        type="primary"
        disabled={county === undefined || busy}
        loading={creating}
        onClick={() => county !== undefined && onCreate(county)}
        data-testid="first-run-create"
      >
        创建新台账
      </Button>
    </Card>
  );
}
