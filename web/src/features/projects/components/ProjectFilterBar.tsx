import { useEffect, useMemo, useState } from 'react';
import { Button, Col, Input, Row, Select } from 'antd';
import { FilterOutlined, SearchOutlined } from '@ant-design/icons';
import { INVESTMENT_BANDS, PROJECT_FIELDS, PROJECT_LEVELS, PROJECT_STAGES, YEAR_CATEGORIES } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { useNarrow } from '../../../hooks/useMedia';
import { RegionTreeSelect } from '../../org/components/RegionTreeSelect';
import { useDepartments, useLeaders } from '../../org/hooks/useLookups';
import type { FilterPatch, ProjectFilters } from '../hooks/useProjectFilters';

interface Props {
  filters: ProjectFilters;
  onChange: (patch: FilterPatch) => void;
  onClear: () => void;
  active: boolean;
}

const col = { xs: 24, sm: 12, md: 8, xl: 6, xxl: 4 } as const;

/** All the filters of the ledger; their values live in the URL. */
export function ProjectFilterBar({ filters, onChange, onClear, active }: Props) {
  const { t, options } = useI18n();
  const narrow = useNarrow();
  const [expanded, setExpanded] = useState(false);
  const [keyword, setKeyword] = useState(filters.q ?? '');
  useEffect(() => setKeyword(filters.q ?? ''), [filters.q]);

  const leaders = useLeaders();
  const departments = useDepartments();

  const years = useMemo(() => {
    const now = new Date().getFullYear();
    const set = new Set<number>();
    for (let y = now + 2; y >= now - 6; y--) set.add(y);
    if (filters.planYear) set.add(filters.planYear);
    return [...set].sort((a, b) => b - a).map((y) => ({ value: y, label: String(y) }));
  }, [filters.planYear]);

  const showAll = !narrow || expanded;
  const full = { width: '100%' } as const;

  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col {...col} xs={narrow ? 18 : 24}>
        <Input
          data-testid="project-search"
          aria-label={t('common.keyword')}
          allowClear
          prefix={<SearchOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />}
          placeholder={t('projects.searchPlaceholder')}
          value={keyword}
          onChange={(e) => {
            setKeyword(e.target.value);
            // The clear icon empties the box: drop the keyword filter at once.
            if (e.type === 'click' && !e.target.value) onChange({ q: undefined });
          }}
          onPressEnter={() => onChange({ q: keyword.trim() || undefined })}
        />
      </Col>
      {narrow ? (
        <Col xs={6}>
          <Button block icon={<FilterOutlined />} onClick={() => setExpanded((x) => !x)} type={active ? 'primary' : 'default'} ghost={active}>
            {expanded ? t('projects.filter.less') : t('projects.filter.more')}
          </Button>
        </Col>
      ) : null}
      {showAll ? (
        <>
          <Col {...col}>
            <RegionTreeSelect
              data-testid="filter-region"
              style={full}
              placeholder={t('projects.filter.region')}
              value={filters.regionCode}
              onChange={(v) => onChange({ regionCode: v || undefined })}
            />
          </Col>
          <Col {...col}>
            <Select
              data-testid="filter-stage"
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={full}
              placeholder={t('projects.filter.stage')}
              options={options(PROJECT_STAGES)}
              value={filters.stage}
              onChange={(v) => onChange({ stage: v })}
            />
          </Col>
          <Col {...col}>
            <Select
              data-testid="filter-level"
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={full}
              placeholder={t('projects.filter.level')}
              options={options(PROJECT_LEVELS)}
              value={filters.level}
              onChange={(v) => onChange({ level: v })}
            />
          </Col>
          <Col {...col}>
            <Select
              data-testid="filter-category"
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={full}
              placeholder={t('projects.filter.category')}
              options={options(YEAR_CATEGORIES)}
              value={filters.category}
              onChange={(v) => onChange({ category: v })}
            />
          </Col>
          <Col {...col}>
            <Select
              data-testid="filter-field"
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={full}
              placeholder={t('projects.filter.field')}
              options={options(PROJECT_FIELDS)}
              value={filters.field}
              onChange={(v) => onChange({ field: v })}
            />
          </Col>
          <Col {...col}>
            <Select
              data-testid="filter-leader"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={full}
              placeholder={t('projects.filter.leader')}
              loading={leaders.isLoading}
              options={(leaders.data ?? []).map((l) => ({ value: l.id, label: l.title ? `${l.name}（${l.title}）` : l.name }))}
              value={filters.leaderId}
              onChange={(v?: number) => onChange({ leaderId: v })}
            />
          </Col>
          <Col {...col}>
            <Select
              data-testid="filter-dept"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={full}
              placeholder={t('projects.filter.dept')}
              loading={departments.isLoading}
              options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              value={filters.responsibleDeptId}
              onChange={(v?: number) => onChange({ responsibleDeptId: v })}
            />
          </Col>
          <Col {...col}>
            <Select
              data-testid="filter-band"
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={full}
              placeholder={t('projects.filter.band')}
              options={options(INVESTMENT_BANDS)}
              value={filters.band}
              onChange={(v) => onChange({ band: v })}
            />
          </Col>
          <Col {...col}>
            <Select
              data-testid="filter-plan-year"
              allowClear
              style={full}
              placeholder={t('projects.filter.planYear')}
              options={years}
              value={filters.planYear}
              onChange={(v?: number) => onChange({ planYear: v })}
            />
          </Col>
          <Col {...col}>
            <Button onClick={onClear} disabled={!active} data-testid="filter-clear">
              {t('projects.filter.clear')}
            </Button>
          </Col>
        </>
      ) : null}
    </Row>
  );
}
