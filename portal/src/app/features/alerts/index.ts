export { CustomerAlertsPanelComponent } from './customer-alerts-panel.component';
export { AlertUnreadBadgeComponent } from './alert-unread-badge.component';
