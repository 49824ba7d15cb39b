import type { Routes } from '@angular/router';

export const DEDUPE_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./dedupe-review.page').then((m) => m.DedupeReviewPage) },
  { path: 'stale', loadComponent: () => import('./stale-customers.page').then((m) => m.StaleCustomersPage) },
];
