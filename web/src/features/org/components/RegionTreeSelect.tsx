import { TreeSelect, type TreeSelectProps } from 'antd';
import { useRegionTree } from '../hooks/useLookups';
import { useI18n } from '../../../i18n';

type Props = Omit<TreeSelectProps<string>, 'treeData'>;

/** Picks one region from the GB/T 2260 tree (with search by name). */
export function RegionTreeSelect(props: Props) {
  const { tree, isLoading } = useRegionTree();
  const { t } = useI18n();
  return (
    <TreeSelect<string>
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      allowClear
      loading={isLoading}
      placeholder={t('common.pleaseSelect')}
      {...props}
      treeData={tree}
    />
  );
}
