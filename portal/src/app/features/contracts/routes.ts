import type { Routes } from '@angular/router';

export const CONTRACT_ROUTES: Routes = [{ path: ':ticketId', loadComponent: () => import('./contract-sign.page').then((m) => m.ContractSignPage) }];
