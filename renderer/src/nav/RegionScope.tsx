// The region a page shows, named with the places above it ('城关镇 黄田村 十组'), and 清除: back to
// 本乡镇 (or the whole county). Every page that follows the tree shows it, so the scope never carries
// over silently from one page to the next.
import { Button } from 'antd';
import { CloseCircleOutlined } from '@ant-design/icons';
import { useRegionSelection } from '../state/region-context.ts';
import { regionPath } from '../state/region-tree-data.ts';
import { regionPlaceName } from './region-label.ts';

/** 清除, shown only while the tree is somewhere other than 本乡镇. */
export function RegionClearButton() {
  const { selectedCode, homeCode, clear, forest } = useRegionSelection();
  if (selectedCode === homeCode) return null;
  const home = homeCode === null ? '全县' : regionPlaceName(regionPath(forest.byCode, homeCode));
  return (
    <Button
      type="link"
      size="small"
      className="inline-link region-scope-clear"
      icon={<CloseCircleOutlined />}
      onClick={clear}
      title={`清除所选区划，回到${homeCode === null ? '' : '本乡镇：'}${home}`}
      data-testid="region-scope-clear"
    >
      清除
    </Button>
  );
}

export function RegionScope({ testId }: { testId?: string }) {
  const { path } = useRegionSelection();
  return (
    <span className="list-region region-scope">
      <span data-testid={testId}>{regionPlaceName(path)}</span>
      <RegionClearButton />
    </span>
  );
}
