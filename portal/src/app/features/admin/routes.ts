import type { Routes } from '@angular/router';
import { roleGuard } from '../../core/auth/auth.guards';

export const ADMIN_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'users' },
  { path: 'users', canActivate: [roleGuard(['ADMIN'])], loadComponent: () => import('./users.page').then((m) => m.UsersPage) },
  { path: 'audit', canActivate: [roleGuard(['ADMIN', 'DIRECTOR'])], loadComponent: () => import('./audit.page').then((m) => m.AuditPage) },
];
