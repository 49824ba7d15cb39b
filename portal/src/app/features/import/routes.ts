import type { Routes } from '@angular/router';

export const IMPORT_ROUTES: Routes = [{ path: '', loadComponent: () => import('./import-wizard.page').then((m) => m.ImportWizardPage) }];
