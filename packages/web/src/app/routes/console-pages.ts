// The signed-in console's pages, one chunk loaded with the first of them: the pages a phone opens
// from a QR code or a link (verify, catalogue, listing, shop) do not download the console.

export { PlatformAuditPage } from '../../features/audit/components/platform-audit-page';
export { SettingsLayout } from '../../features/organization/components/settings-layout';
export { TokensPanel } from '../../features/organization/components/tokens-panel';
export * from './case-routes';
export * from './commerce-routes';
export * from './complaint-routes';
export * from './inspection-routes';
export * from './role-routes';
export * from './settings-routes';
