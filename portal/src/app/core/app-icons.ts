import {
  DashboardOutline,
  DownOutline,
  GlobalOutline,
  LockOutline,
  LogoutOutline,
  MenuFoldOutline,
  MenuOutline,
  MenuUnfoldOutline,
  ReloadOutline,
  SearchOutline,
  ShopOutline,
  TeamOutline,
  UserOutline,
} from '@ant-design/icons-angular/icons';

/**
 * Icons registered statically (no runtime fetch of SVGs from /assets). ng-zorro's own component
 * icons (arrows, close, loading…) are registered by ng-zorro itself.
 */
export const APP_ICONS = [
  DashboardOutline,
  DownOutline,
  GlobalOutline,
  LockOutline,
  LogoutOutline,
  MenuFoldOutline,
  MenuOutline,
  MenuUnfoldOutline,
  ReloadOutline,
  SearchOutline,
  ShopOutline,
  TeamOutline,
  UserOutline,
];
