import type { Routes } from '@angular/router';
import { CheckCircleFill, CloseCircleFill, ExclamationCircleFill, MailOutline, PlusOutline, WarningFill } from '@ant-design/icons-angular/icons';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { provideEchartsCore } from 'ngx-echarts';
import { echarts } from './finance-echarts';

/** nz-result status icons (success, error, warning, info) used on these pages. */
const RESULT_ICONS = [CheckCircleFill, CloseCircleFill, ExclamationCircleFill, WarningFill];

export const FINANCE_ROUTES: Routes = [
  {
    path: '',
    providers: [provideEchartsCore({ echarts }), provideNzIconsPatch([PlusOutline, MailOutline, ...RESULT_ICONS])],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'invoices' },
      { path: 'invoices', data: { kind: 'invoices' }, loadComponent: () => import('./ledger-list.page').then((m) => m.LedgerListPage) },
      { path: 'payments', data: { kind: 'payments' }, loadComponent: () => import('./ledger-list.page').then((m) => m.LedgerListPage) },
      { path: 'statements', loadComponent: () => import('./statement-list.page').then((m) => m.StatementListPage) },
      { path: 'dso', loadComponent: () => import('./dso.page').then((m) => m.DsoPage) },
    ],
  },
];

/** The customer's confirmation page (public, outside the signed-in shell). */
export const STATEMENT_CONFIRMATION_ROUTES: Routes = [
  { path: '', providers: [provideNzIconsPatch(RESULT_ICONS)], loadComponent: () => import('./statement-confirmation.page').then((m) => m.StatementConfirmationPage) },
];
