import { Space, Typography } from 'antd';
import { LIGHTS } from '@tiaodu/contracts';
import type { LightTexts } from '../ruleSets';
import { LightDot } from './LightDot';

/** What green, yellow and red mean on one dimension, each line after its light. */
export function LightRules({ texts, testId }: { texts: LightTexts; testId?: string }) {
  return (
    <Space direction="vertical" size={2} data-testid={testId} style={{ width: '100%' }}>
      {LIGHTS.map((l) => (
        <Space key={l} size={6} align="start">
          <LightDot light={l} />
          <Typography.Text type={l === 'green' ? 'secondary' : undefined} style={{ fontSize: 13 }} data-light-text={l}>
            {texts[l]}
          </Typography.Text>
        </Space>
      ))}
    </Space>
  );
}
