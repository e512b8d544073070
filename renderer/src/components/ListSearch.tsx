// The search box above a long list: answers as the clerk types (the page debounces it); ↓ or Enter
// moves into the list.
import { Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';

export function ListSearch(props: {
  value: string;
  onChange: (search: string) => void;
  onFocusList: () => void;
  placeholder: string;
  ariaLabel: string;
  testId: string;
}) {
  const { value, onChange, onFocusList } = props;
  return (
    <Input
      className="list-search"
      allowClear
      autoFocus
      prefix={<SearchOutlined />}
      placeholder={props.placeholder}
      aria-label={props.ariaLabel}
      value={value}
      onChange={(e) => onChange(e.target.value)}
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
