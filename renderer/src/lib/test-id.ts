// data-testid for antd props given as objects (okButtonProps, …), which accept data-* attributes.
export const testIdProps = (id: string): Record<`data-${string}`, string> => ({ 'data-testid': id });
