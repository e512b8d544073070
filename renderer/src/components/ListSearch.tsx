// The search box above a long list: answers as the clerk types (the page debounces it) — once the input
// method has committed the characters, not mid-pinyin; ↓ or Enter moves into the list.
import { Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useImeText } from '../lib/useImeText.ts';

export function ListSearch(props: {
  value: string;
  onChange: (search: string) => void;
  onFocusList: () => void;
  placeholder: string;
  ariaLabel: string;
  testId: string;
}) {
  const { onFocusList } = props;
  const text = useImeText(props.value, props.onChange);
  return (
    <Input
      className="list-search"
      allowClear
      autoFocus
      prefix={<SearchOutlined />}
      placeholder={props.placeholder}
      aria-label={props.ariaLabel}
      value={text.value}
      onChange={(e) => text.change(e.target.value)}
      {...text.composition}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown' || (e.key === 'Enter' && !e.nativeEvent.isComposing)) {
          e.preventDefault();
          onFocusList();
        }
      }}
      data-testid={props.testId}
    />
  );
}
