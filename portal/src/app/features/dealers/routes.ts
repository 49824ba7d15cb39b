import type { Routes } from '@angular/router';
import { roleGuard } from '../../core/auth/auth.guards';

export const DEALER_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./dealer-list.page').then((m) => m.DealerListPage) },
  {
    path: 'new',
    canActivate: [roleGuard(['ADMIN', 'DIRECTOR'])],
    loadComponent: () => import('./dealer-form.page').then((m) => m.DealerFormPage),
  },
  {
    // A dealer's own staff: their profile and their dealer's accounts.
    path: 'mine',
    canActivate: [roleGuard(['DEALER'])],
    loadComponent: () => import('./my-dealer.page').then((m) => m.MyDealerPage),
  },
  { path: ':id', loadComponent: () => import('./dealer-detail.page').then((m) => m.DealerDetailPage) },
  {
    path: ':id/edit',
    canActivate: [roleGuard(['ADMIN', 'DIRECTOR'])],
    loadComponent: () => import('./dealer-form.page').then((m) => m.DealerFormPage),
  },
];
