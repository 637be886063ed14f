import { Tooltip } from 'antd';
import { LIGHT_LABELS, type Light } from '@tiaodu/contracts';

export const LIGHT_COLORS: Record<Light, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d' };

/** A coloured light with its label for screen readers and a tooltip with the detail. */
export function LightDot({ light, detail }: { light: Light; detail?: string | null }) {
  return (
    <Tooltip title={detail ?? LIGHT_LABELS[light]}>
      <span
        role="img"
        aria-label={LIGHT_LABELS[light]}
        data-light={light}
        style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 7, background: LIGHT_COLORS[light], verticalAlign: 'middle' }}
      />
    </Tooltip>
  );
}
