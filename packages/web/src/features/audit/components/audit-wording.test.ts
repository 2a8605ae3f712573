import { AUDIT_ACTIONS } from '@jadelive/shared/audit-trail';
import { describe, expect, it } from 'vitest';
import { en } from '../../../i18n/en';
import { zhCN } from '../../../i18n/zh-CN';
import { AUDIT_GROUPS } from './audit-filters';

type Tree = { [key: string]: string | Tree };

const lookUp = (tree: Tree, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], tree);

describe('audit action wording', () => {
  it.each([
    ['zh-CN', zhCN],
    ['en', en],
  ])('%s words every action the trail records, and every group of them', (_language, catalogue) => {
    const tree = catalogue as unknown as Tree;
    const unworded = AUDIT_ACTIONS.filter(
      (action) => typeof lookUp(tree, `audit.actions.${action}`) !== 'string',
    );
    expect(unworded).toEqual([]);
    const ungrouped = AUDIT_GROUPS.filter(
      (group) => typeof lookUp(tree, `audit.groups.${group}`) !== 'string',
    );
    expect(ungrouped).toEqual([]);
  });

  it('words no action the trail does not know (a retired key is removed from both catalogues)', () => {
    const worded = Object.entries(zhCN.audit.actions).flatMap(([group, actions]) =>
      Object.keys(actions).map((action) => `${group}.${action}`),
    );
    expect(worded.filter((action) => !(AUDIT_ACTIONS as readonly string[]).includes(action))).toEqual([]);
  });
});
