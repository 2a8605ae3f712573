import {
  BASE_KINDS,
  BOOKING_STATUSES,
  CERTIFICATE_STATUSES,
  ERROR_CODES,
  LISTING_CATEGORIES,
  LISTING_STATUSES,
  MEMBER_ROLES,
  MEMBERSHIP_STATUSES,
  ORDER_STATUSES,
  ORGANIZATION_KINDS,
  STUDIO_STATUSES,
  TOKEN_PERMISSIONS,
} from '@jadelive/shared';
import { COMPLIANCE_CATEGORIES, SEVERITIES } from '@jadelive/shared/compliance';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [childPath, childValue] of flatten(value, path)) entries.set(childPath, childValue);
  }
  return entries;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const catalogues = { 'zh-CN': flatten(zhCN), en: flatten(en) };

describe('i18n catalogues', () => {
  it('have exactly the same keys', () => {
    expect([...catalogues.en.keys()].sort()).toEqual([...catalogues['zh-CN'].keys()].sort());
  });

  it.each(Object.entries(catalogues))('%s has no empty strings', (_language, entries) => {
    const empty = [...entries].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('use the same {{placeholders}} in both languages', () => {
    for (const [key, chinese] of catalogues['zh-CN']) {
      expect(placeholders(catalogues.en.get(key) ?? ''), key).toEqual(placeholders(chinese));
    }
  });

  it('translate every API error code, organisation kind, role and token permission', () => {
    const required = [
      ...ERROR_CODES.map((code) => `errors.${code}`),
      ...ORGANIZATION_KINDS.map((kind) => `kinds.${kind}`),
      ...MEMBER_ROLES.map((role) => `roles.${role}`),
      ...TOKEN_PERMISSIONS.map((permission) => `permissions.${permission}`),
    ];
    expect(required.filter((key) => !catalogues['zh-CN'].has(key))).toEqual([]);
  });

  it('translate every category, status and compliance category the API can send', () => {
    const required = [
      ...LISTING_CATEGORIES.map((category) => `goods.categories.${category}`),
      ...LISTING_STATUSES.map((status) => `goods.listingStatuses.${status}`),
      ...CERTIFICATE_STATUSES.map((status) => `goods.certificateStatuses.${status}`),
      ...COMPLIANCE_CATEGORIES.map((category) => `compliance.categories.${category}`),
      ...SEVERITIES.map((severity) => `compliance.severities.${severity}`),
      ...BASE_KINDS.map((kind) => `bases.kinds.${kind}`),
      ...STUDIO_STATUSES.map((status) => `bases.studioStatuses.${status}`),
      ...MEMBERSHIP_STATUSES.map((status) => `bases.membershipStatuses.${status}`),
      ...BOOKING_STATUSES.map((status) => `bases.bookingStatuses.${status}`),
      ...ORDER_STATUSES.map((status) => `commerce.statuses.${status}`),
    ];
    expect(required.filter((key) => !catalogues['zh-CN'].has(key))).toEqual([]);
  });
});
