import type { Routes } from '@angular/router';

export const TICKET_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./ticket-list.page').then((m) => m.TicketListPage) },
  { path: 'new', loadComponent: () => import('./ticket-form.page').then((m) => m.TicketFormPage) },
  { path: ':id', loadComponent: () => import('./ticket-detail.page').then((m) => m.TicketDetailPage) },
];
