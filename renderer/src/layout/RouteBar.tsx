// 返回 and the breadcrumbs of the in-memory navigation (户籍台账 / 户 … / 张三). Alt+← goes back too.
import { useEffect } from 'react';
import { Breadcrumb, Button } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useRoute } from '../state/route.ts';

export function RouteBar() {
  const { stack, back } = useRoute();
  const deep = stack.length > 1;
  useEffect(() => {
    if (!deep) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.key === 'ArrowLeft' && document.querySelector('.ant-modal-wrap') === null) {
        e.preventDefault();
        back();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [deep, back]);
  if (!deep) return null;
  return (
    <div className="route-bar" data-testid="route-bar">
      <Button
        size="small"
        icon={<ArrowLeftOutlined />}
        onClick={() => back()}
        title="返回（Alt+←）"
        data-testid="route-back"
      >
        返回
      </Button>
      <Breadcrumb
        items={stack.map((entry, n) => ({
          key: n,
          title:
            n === stack.length - 1 ? (
              <span data-testid="route-current">{entry.title}</span>
            ) : (
              <Button
                type="link"
                size="small"
                className="inline-link"
                onClick={() => back(n)}
                data-testid={`route-crumb-${n}`}
              >
                {entry.title}
              </Button>
            ),
        }))}
      />
    </div>
  );
}
