import type { Routes } from '@angular/router';

export const SCORECARD_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./scorecard.page').then((m) => m.ScorecardPage) },
];
