import type { Routes } from '@angular/router';
import { authGuard, guestGuard, homeRedirectGuard, roleGuard } from './core/auth/auth.guards';
import { HQ_ROLES } from './core/auth/viewer';

export const APP_ROUTES: Routes = [
  {
    path: 'login',
    canActivate: [guestGuard],
    loadChildren: () => import('./features/login/routes').then((m) => m.LOGIN_ROUTES),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./layout/shell.component').then((m) => m.ShellComponent),
    children: [
      { path: '', pathMatch: 'full', canActivate: [homeRedirectGuard], children: [] },
      {
        path: 'dashboard',
        canActivate: [roleGuard(HQ_ROLES)],
        loadChildren: () => import('./features/dashboard/routes').then((m) => m.DASHBOARD_ROUTES),
      },
      {
        path: 'customers',
        canActivate: [roleGuard(HQ_ROLES)],
        loadChildren: () => import('./features/customers/routes').then((m) => m.CUSTOMER_ROUTES),
      },
      {
        // Dealer users reach the list too, but the API scopes it to their own dealer.
        path: 'dealers',
        loadChildren: () => import('./features/dealers/routes').then((m) => m.DEALER_ROUTES),
      },
      {
        path: 'forbidden',
        loadChildren: () => import('./features/errors/routes').then((m) => m.FORBIDDEN_ROUTES),
      },
      {
        path: '**',
        loadChildren: () => import('./features/errors/routes').then((m) => m.NOT_FOUND_ROUTES),
      },
    ],
  },
];
