import type { Routes } from '@angular/router';

export const AGREEMENT_ROUTES: Routes = [
  { path: 'legal', loadComponent: () => import('./legal-queue.page').then((m) => m.LegalQueuePage) },
  { path: ':ticketId/review', loadComponent: () => import('./review.page').then((m) => m.ReviewPage) },
  { path: ':ticketId', loadComponent: () => import('./versions.page').then((m) => m.VersionsPage) },
];
