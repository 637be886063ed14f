import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, Col, Empty, Flex, Row, Select, Spin, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Division, SetupStatus } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../api/errors';
import { orgKeys } from '../../org/hooks/useLookups';
import { setupApi, setupKeys } from '../api';

function useDivisions(parent: string | undefined, enabled = true) {
  return useQuery({
    queryKey: setupKeys.divisions(parent ?? ''),
    queryFn: () => setupApi.divisions(parent),
    enabled,
    staleTime: Infinity,
  });
}

const opts = (list: Division[] | undefined) => (list ?? []).map((d) => ({ value: d.code, label: d.name }));

/** 本级区划: province → city → county from the national list, then the towns under it (all ticked by default). */
export function RegionStep({ status }: { status: SetupStatus }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const home = status.home;
  const [province, setProvince] = useState<string | undefined>(home ? home.code.slice(0, 2) : undefined);
  const [city, setCity] = useState<string | undefined>(home && home.code.length === 6 && home.code.slice(2, 4) !== '00' ? `${home.code.slice(0, 4)}00` : undefined);
  const [county, setCounty] = useState<string | undefined>(home && home.code.length === 6 && home.code.slice(4) !== '00' ? home.code : undefined);
  const [towns, setTowns] = useState<string[]>([]);

  const provinces = useDivisions(undefined);
  const cities = useDivisions(province, Boolean(province));
  const counties = useDivisions(city, Boolean(city));
  const code = county ?? city;
  const townList = useDivisions(code, Boolean(code));

  // Every town ticked whenever another county (or city) is chosen.
  useEffect(() => {
    setTowns((townList.data ?? []).filter((d) => d.level === 'town').map((d) => d.code));
  }, [townList.data]);

  const townOptions = useMemo(() => (townList.data ?? []).filter((d) => d.level === 'town'), [townList.data]);

  const save = useMutation({
    mutationFn: () => setupApi.setRegion({ code: code!, towns }),
    onSuccess: (s) => {
      qc.setQueryData(setupKeys.status, s);
      void qc.invalidateQueries({ queryKey: orgKeys.regions });
      message.success(t('setup.region.saved'));
    },
    onError: (e) => message.error(errorText(e, lang)),
  });

  return (
    <div data-testid="setup-region">
      <Typography.Paragraph type="secondary">{t('setup.region.help')}</Typography.Paragraph>
      {home ? <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('setup.home', { name: home.name, code: home.code })} /> : null}
      <Typography.Text strong>{t('setup.region.pick')}</Typography.Text>
      <Row gutter={8} style={{ marginTop: 4, marginBottom: 16 }}>
        <Col span={8}>
          <Select
            data-testid="setup-province"
            style={{ width: '100%' }}
            placeholder={t('common.pleaseSelect')}
            showSearch={{ optionFilterProp: 'label' }}
            loading={provinces.isLoading}
            options={opts(provinces.data)}
            value={province}
            onChange={(v: string) => {
              setProvince(v);
              setCity(undefined);
              setCounty(undefined);
            }}
          />
        </Col>
        <Col span={8}>
          <Select
            data-testid="setup-city"
            style={{ width: '100%' }}
            placeholder={t('common.pleaseSelect')}
            showSearch={{ optionFilterProp: 'label' }}
            disabled={!province}
            loading={cities.isLoading}
            options={opts(cities.data)}
            value={city}
            onChange={(v: string) => {
              setCity(v);
              setCounty(undefined);
            }}
          />
        </Col>
        <Col span={8}>
          <Select
            data-testid="setup-county"
            style={{ width: '100%' }}
            placeholder={t('setup.region.pickHint')}
            showSearch={{ optionFilterProp: 'label' }}
            allowClear
            disabled={!city}
            loading={counties.isLoading}
            options={opts(counties.data?.filter((d) => d.level === 'county'))}
            value={county}
            onChange={(v?: string) => setCounty(v)}
          />
        </Col>
      </Row>
      {code ? (
        <>
          <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
            <Typography.Text strong>
              {t('setup.region.towns')}
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontWeight: 'normal' }}>
                {t('setup.region.townsCount', { n: towns.length, total: townOptions.length })}
              </Typography.Text>
            </Typography.Text>
            <Flex gap={4}>
              <Button size="small" onClick={() => setTowns(townOptions.map((d) => d.code))}>
                {t('setup.region.all')}
              </Button>
              <Button size="small" onClick={() => setTowns([])}>
                {t('setup.region.none')}
              </Button>
            </Flex>
          </Flex>
          {townList.isLoading ? (
            <Spin />
          ) : townOptions.length ? (
            <div style={{ maxHeight: 240, overflow: 'auto', border: '1px solid rgba(5,5,5,0.06)', borderRadius: 6, padding: 8 }}>
              <Checkbox.Group data-testid="setup-towns" value={towns} onChange={(v) => setTowns(v as string[])} style={{ display: 'flex', flexWrap: 'wrap', rowGap: 4 }}>
                {townOptions.map((d) => (
                  <div key={d.code} style={{ width: 160 }}>
                    <Checkbox value={d.code}>{d.name}</Checkbox>
                  </div>
                ))}
              </Checkbox.Group>
            </div>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('setup.region.noTowns')} />
          )}
        </>
      ) : null}
      <Flex justify="flex-end" style={{ marginTop: 16 }}>
        <Button type="primary" disabled={!code || code.length !== 6 || code.endsWith('0000')} loading={save.isPending} onClick={() => save.mutate()} data-testid="setup-region-submit">
          {t('setup.region.submit')}
        </Button>
      </Flex>
    </div>
  );
}
