import type { Light } from '@tiaodu/contracts';

export function worstOf(lights: Light[]): Light {
  return lights.includes('red') ? 'red' : lights.includes('yellow') ? 'yellow' : 'green';
}
