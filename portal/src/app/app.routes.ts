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
    // The customer's statement confirmation link from the e-mail: public, no login.
    path: 'statement-confirmation',
    loadChildren: () => import('./features/finance/routes').then((m) => m.STATEMENT_CONFIRMATION_ROUTES),
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
        path: 'scorecard',
        canActivate: [roleGuard(['REP', 'SUPERVISOR', 'DIRECTOR', 'ADMIN', 'FINANCE'])],
        loadChildren: () => import('./features/scorecard/routes').then((m) => m.SCORECARD_ROUTES),
      },
      {
        path: 'what-if',
        canActivate: [roleGuard(['DIRECTOR', 'ADMIN'])],
        loadChildren: () => import('./features/what-if/routes').then((m) => m.WHAT_IF_ROUTES),
      },
      {
        path: 'reports',
        canActivate: [roleGuard(['DIRECTOR', 'ADMIN'])],
        loadChildren: () => import('./features/reports/routes').then((m) => m.REPORT_ROUTES),
      },
      {
        path: 'customers',
        canActivate: [roleGuard(HQ_ROLES)],
        loadChildren: () => import('./features/customers/routes').then((m) => m.CUSTOMER_ROUTES),
      },
      {
        path: 'dedupe',
        canActivate: [roleGuard(['SUPERVISOR', 'DIRECTOR', 'ADMIN'])],
        loadChildren: () => import('./features/dedupe/routes').then((m) => m.DEDUPE_ROUTES),
      },
      {
        path: 'import',
        canActivate: [roleGuard(['SUPERVISOR', 'DIRECTOR', 'ADMIN'])],
        loadChildren: () => import('./features/import/routes').then((m) => m.IMPORT_ROUTES),
      },
      {
        // Everyone has an inbox; the rules page inside is guarded for admin and director.
        path: 'alerts',
        loadChildren: () => import('./features/alerts/routes').then((m) => m.ALERT_ROUTES),
      },
      {
        path: 'stage-model',
        canActivate: [roleGuard(['ADMIN', 'DIRECTOR'])],
        loadChildren: () => import('./features/stage-model/routes').then((m) => m.STAGE_MODEL_ROUTES),
      },
      {
        // The dealer's own pages (issue 8): home, weekly stock, sell-through receipts, points.
        path: 'home',
        canActivate: [roleGuard(['DEALER'])],
        loadChildren: () => import('./features/dealer-home/routes').then((m) => m.DEALER_HOME_ROUTES),
      },
      {
        path: 'stock',
        canActivate: [roleGuard(['DEALER'])],
        loadChildren: () => import('./features/stock/routes').then((m) => m.STOCK_ROUTES),
      },
      {
        path: 'receipts',
        canActivate: [roleGuard(['DEALER'])],
        loadChildren: () => import('./features/receipts/routes').then((m) => m.RECEIPTS_ROUTES),
      },
      {
        path: 'points',
        canActivate: [roleGuard(['DEALER'])],
        loadChildren: () => import('./features/points/routes').then((m) => m.POINTS_ROUTES),
      },
      {
        // Targets (issue 8 item 2): the dealer's own year; director/admin pick a dealer.
        path: 'targets',
        canActivate: [roleGuard(['DEALER', 'DIRECTOR', 'ADMIN'])],
        loadChildren: () => import('./features/targets/routes').then((m) => m.TARGETS_ROUTES),
      },
      {
        path: 'network',
        canActivate: [roleGuard(HQ_ROLES)],
        loadChildren: () => import('./features/network/routes').then((m) => m.NETWORK_ROUTES),
      },
      {
        // Dealer users reach the list too, but the API scopes it to their own dealer.
        path: 'dealers',
        loadChildren: () => import('./features/dealers/routes').then((m) => m.DEALER_ROUTES),
      },
      {
        path: 'finance',
        canActivate: [roleGuard(['FINANCE', 'DIRECTOR', 'ADMIN', 'SUPERVISOR', 'REP'])],
        loadChildren: () => import('./features/finance/routes').then((m) => m.FINANCE_ROUTES),
      },
      {
        path: 'tickets',
        canActivate: [roleGuard(HQ_ROLES)],
        loadChildren: () => import('./features/tickets/routes').then((m) => m.TICKET_ROUTES),
      },
      {
        path: 'tasks',
        canActivate: [roleGuard(['ENGINEER', 'PROCUREMENT', 'PRODUCTION', 'DIRECTOR', 'ADMIN'])],
        loadChildren: () => import('./features/tasks/routes').then((m) => m.TASK_ROUTES),
      },
      {
        path: 'agreements',
        canActivate: [roleGuard(HQ_ROLES)],
        loadChildren: () => import('./features/agreements/routes').then((m) => m.AGREEMENT_ROUTES),
      },
      {
        path: 'contracts',
        canActivate: [roleGuard(HQ_ROLES)],
        loadChildren: () => import('./features/contracts/routes').then((m) => m.CONTRACT_ROUTES),
      },
      {
        path: 'production',
        canActivate: [roleGuard(['PRODUCTION', 'DIRECTOR', 'ADMIN', 'SUPERVISOR', 'FINANCE'])],
        loadChildren: () => import('./features/production/routes').then((m) => m.PRODUCTION_ROUTES),
      },
      {
        path: 'erp-feed',
        canActivate: [roleGuard(['ADMIN', 'DIRECTOR', 'PRODUCTION'])],
        loadChildren: () => import('./features/erp-feed/routes').then((m) => m.ERP_FEED_ROUTES),
      },
      {
        path: 'admin',
        canActivate: [roleGuard(['ADMIN', 'DIRECTOR'])],
        loadChildren: () => import('./features/admin/routes').then((m) => m.ADMIN_ROUTES),
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
