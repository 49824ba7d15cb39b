import type { DictionaryKey } from '../core/i18n/zh';
import type { Role, Viewer } from '../core/auth/viewer';

export interface MenuItem {
  link: string;
  icon: string;
  label: DictionaryKey;
  testId: string;
}

/**
 * The side menu, one entry per feature page. `roles` lists who sees the entry (the route guard and
 * the API enforce access themselves; the menu only hides what a role cannot open). Feature owners
 * add their line here; `link` may depend on the viewer (a dealer's own page).
 */
interface MenuEntry extends Omit<MenuItem, 'link'> {
  link: string | ((viewer: Viewer) => string | null);
  roles: readonly Role[];
}

const HQ: readonly Role[] = ['ADMIN', 'DIRECTOR', 'SUPERVISOR', 'REP', 'ENGINEER', 'PROCUREMENT', 'PRODUCTION', 'LEGAL', 'FINANCE'];

export const MENU: readonly MenuEntry[] = [
  { link: '/dashboard', icon: 'dashboard', label: 'menu.dashboard', testId: 'menu-dashboard', roles: HQ },
  { link: '/customers', icon: 'team', label: 'menu.customers', testId: 'menu-customers', roles: HQ },
  { link: '/scorecard', icon: 'user', label: 'scorecard.title', testId: 'menu-scorecard', roles: ['REP', 'SUPERVISOR', 'DIRECTOR', 'ADMIN', 'FINANCE'] },
  { link: '/what-if', icon: 'reload', label: 'scorecard.whatIf', testId: 'menu-what-if', roles: ['DIRECTOR', 'ADMIN'] },
  { link: '/reports', icon: 'dashboard', label: 'scorecard.report', testId: 'menu-reports', roles: ['DIRECTOR', 'ADMIN'] },
  { link: '/dealers', icon: 'shop', label: 'menu.dealers', testId: 'menu-dealers', roles: HQ },
  { link: '/network', icon: 'dashboard', label: 'network.menu', testId: 'menu-network', roles: HQ },
  { link: '/dedupe', icon: 'search', label: 'dedupe.menu', testId: 'menu-dedupe', roles: ['SUPERVISOR', 'DIRECTOR', 'ADMIN'] },
  { link: '/dedupe/stale', icon: 'team', label: 'dedupe.staleMenu', testId: 'menu-stale', roles: ['SUPERVISOR', 'DIRECTOR', 'ADMIN'] },
  { link: '/alerts', icon: 'user', label: 'alerts.menu', testId: 'menu-alerts', roles: ['ADMIN', 'DIRECTOR', 'SUPERVISOR', 'REP'] },
  { link: '/alerts/rules', icon: 'lock', label: 'alerts.rulesMenu', testId: 'menu-alert-rules', roles: ['ADMIN', 'DIRECTOR'] },
  { link: '/stage-model', icon: 'menu-unfold', label: 'stageModel.menu', testId: 'menu-stage-model', roles: ['ADMIN', 'DIRECTOR'] },
  { link: '/import', icon: 'reload', label: 'import.menu', testId: 'menu-import', roles: ['SUPERVISOR', 'DIRECTOR', 'ADMIN'] },
  { link: '/finance/invoices', icon: 'search', label: 'finance.menu.invoices', testId: 'menu-finance-invoices', roles: ['FINANCE', 'DIRECTOR', 'ADMIN', 'SUPERVISOR', 'REP'] },
  { link: '/finance/payments', icon: 'reload', label: 'finance.menu.payments', testId: 'menu-finance-payments', roles: ['FINANCE', 'DIRECTOR', 'ADMIN', 'SUPERVISOR', 'REP'] },
  { link: '/finance/statements', icon: 'user', label: 'finance.menu.statements', testId: 'menu-finance-statements', roles: ['FINANCE', 'DIRECTOR', 'ADMIN', 'SUPERVISOR'] },
  { link: '/finance/dso', icon: 'dashboard', label: 'finance.menu.dso', testId: 'menu-finance-dso', roles: ['FINANCE', 'DIRECTOR', 'ADMIN', 'SUPERVISOR', 'REP'] },
  { link: '/tickets', icon: 'search', label: 'tickets.menu', testId: 'menu-tickets', roles: HQ },
  { link: '/tasks', icon: 'user', label: 'tasks.menu', testId: 'menu-tasks', roles: ['ENGINEER', 'PROCUREMENT', 'PRODUCTION', 'DIRECTOR', 'ADMIN'] },
  { link: '/agreements/legal', icon: 'lock', label: 'agreements.menuLegal', testId: 'menu-legal', roles: ['LEGAL', 'DIRECTOR', 'ADMIN'] },
  { link: '/production', icon: 'dashboard', label: 'production.menu', testId: 'menu-production', roles: ['PRODUCTION', 'DIRECTOR', 'ADMIN', 'SUPERVISOR', 'FINANCE'] },
  { link: '/erp-feed', icon: 'reload', label: 'erpFeed.menu', testId: 'menu-erp-feed', roles: ['ADMIN', 'DIRECTOR', 'PRODUCTION'] },
  { link: '/admin/users', icon: 'user', label: 'admin.menu.users', testId: 'menu-admin-users', roles: ['ADMIN'] },
  { link: '/admin/audit', icon: 'lock', label: 'admin.menu.audit', testId: 'menu-admin-audit', roles: ['ADMIN', 'DIRECTOR'] },
  { link: '/home', icon: 'dashboard', label: 'dealerHome.menu', testId: 'menu-dealer-home', roles: ['DEALER'] },
  { link: '/stock', icon: 'shop', label: 'stock.menu', testId: 'menu-stock', roles: ['DEALER'] },
  { link: '/receipts', icon: 'search', label: 'receipts.menu', testId: 'menu-receipts', roles: ['DEALER'] },
  { link: '/points', icon: 'user', label: 'points.menu', testId: 'menu-points', roles: ['DEALER'] },
  { link: '/targets', icon: 'dashboard', label: 'targets.menu', testId: 'menu-targets', roles: ['DEALER', 'DIRECTOR', 'ADMIN'] },
  {
    link: (viewer) => (viewer.dealer ? `/dealers/${encodeURIComponent(viewer.dealer.id)}` : null),
    icon: 'shop',
    label: 'menu.myDealer',
    testId: 'menu-my-dealer',
    roles: ['DEALER'],
  },
  { link: '/dealers/mine', icon: 'team', label: 'dealers.mine.menu', testId: 'menu-my-dealer-profile', roles: ['DEALER'] },
];

/** The entries the viewer may see, in menu order. */
export function menuFor(viewer: Viewer): MenuItem[] {
  const items: MenuItem[] = [];
  for (const entry of MENU) {
    if (!entry.roles.some((r) => viewer.roles.includes(r))) continue;
    const link = typeof entry.link === 'function' ? entry.link(viewer) : entry.link;
    if (link) items.push({ link, icon: entry.icon, label: entry.label, testId: entry.testId });
  }
  return items;
}
