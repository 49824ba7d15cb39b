import type { Routes } from '@angular/router';

export const STOCK_ROUTES: Routes = [{ path: '', loadComponent: () => import('./stock.page').then((m) => m.StockPage) }];
