import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Permission } from '@tiaodu/contracts';
import type { MessageKey, Messages } from '../i18n';

/** Whether the current user holds a permission. */
export type Can = (permission: Permission) => boolean;

/** One link of the side menu. */
export interface MenuEntry {
  key: string;
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shows the entry: a permission, or a test of the user's permissions. */
  permission: Permission | ((can: Can) => boolean);
  /** The group it sits in (see MENU_GROUPS and `menuGroups`); at the top level when absent. */
  group?: string;
  /** Its place: among the top-level entries and groups, or within its group. */
  order: number;
  /** The `data-testid` of its link; `nav-<key>` when absent. */
  testId?: string;
}

/** A titled group of menu entries; shown when at least one of its entries is. */
export interface MenuGroup {
  key: string;
  label: MessageKey;
  /** Its place among the top-level entries and groups. */
  order: number;
}

/**
 * What a feature (`features/<name>/index.tsx`) brings to the application. The router, the menu
 * and the dictionary are assembled from the list in features/index.ts.
 */
export interface FeatureManifest {
  name: string;
  /** Pages inside the signed-in layout; paths are relative to `/`. Pages load lazily. */
  routes?: RouteObject[];
  /** Pages open without signing in (the login page, 信息公开). */
  publicRoutes?: RouteObject[];
  /** Its entries of the side menu. */
  menu?: MenuEntry[];
  /** Menu groups of its own; groups shared by several features are in MENU_GROUPS (app/menu.tsx). */
  menuGroups?: MenuGroup[];
  /** Its words: keys no other feature and no shared word uses. */
  messages?: Messages;
}
