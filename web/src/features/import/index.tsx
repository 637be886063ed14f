import { lazy } from 'react';
import type { FeatureManifest } from '../../app/feature';
import { gate } from '../../components/PermissionGate';
import { importMessages } from './messages';

const ImportWizardPage = lazy(() => import('./pages/ImportWizardPage').then((m) => ({ default: m.ImportWizardPage })));

/** 导入 Excel 台账: reached from the ledger, no menu entry of its own. */
export const importFeature: FeatureManifest = {
  name: 'import',
  routes: [{ path: 'projects/import', element: gate('project:import', <ImportWizardPage />) }],
  messages: importMessages,
};
