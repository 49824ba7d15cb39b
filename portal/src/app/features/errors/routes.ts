import type { Routes } from '@angular/router';

export const FORBIDDEN_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./forbidden.page').then((m) => m.ForbiddenPage) },
];

export const NOT_FOUND_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./not-found.page').then((m) => m.NotFoundPage) },
];
