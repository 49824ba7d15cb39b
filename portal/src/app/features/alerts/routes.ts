import type { Routes } from '@angular/router';
import { roleGuard } from '../../core/auth/auth.guards';

export const ALERT_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./alert-inbox.page').then((m) => m.AlertInboxPage) },
  { path: 'rules', canActivate: [roleGuard(['ADMIN', 'DIRECTOR'])], loadComponent: () => import('./alert-rules.page').then((m) => m.AlertRulesPage) },
];
