/**
 * The source catalogue, one file per namespace (a feature or a shared vocabulary) so that
 * engineers working on different features never edit the same file. Simplified Chinese is the
 * console's default language; `en/` must have exactly these keys (each of its files is typed as
 * the shape of the Chinese one). No plural suffixes: Chinese has none, and one key set for both
 * languages keeps the catalogue test simple.
 *
 * To add a namespace: create `zh-CN/<name>.ts` exporting `const <name> = { … }`, create
 * `en/<name>.ts` typed `typeof` it, and add one import and one entry here and in `en/index.ts`.
 */

import { addresses } from './addresses';
import { adminCertificates } from './admin-certificates';
import { app } from './app';
import { auction } from './auction';
import { audit } from './audit';
import { auth } from './auth';
import { bases } from './bases';
import { cases } from './cases';
import { catalog } from './catalog';
import { certificates } from './certificates';
import { commerce } from './commerce';
import { common } from './common';
import { complaints } from './complaints';
import { compliance } from './compliance';
import { errors } from './errors';
import { evidence } from './evidence';
import { fields } from './fields';
import { follows } from './follows';
import { giveaway } from './giveaway';
import { goods } from './goods';
import { home } from './home';
import { inspection } from './inspection';
import { kinds } from './kinds';
import { lab } from './lab';
import { language } from './language';
import { listings } from './listings';
import { live } from './live';
import { nav } from './nav';
import { notFound } from './not-found';
import { notices } from './notices';
import { notifications } from './notifications';
import { organization } from './organization';
import { permissions } from './permissions';
import { platform } from './platform';
import { returns } from './returns';
import { roles } from './roles';
import { statistics } from './statistics';
import { storefront } from './storefront';
import { verify } from './verify';

export const zhCN = {
  app,
  common,
  language,
  nav,
  kinds,
  roles,
  fields,
  permissions,
  auth,
  home,
  organization,
  audit,
  platform,
  notFound,
  errors,
  adminCertificates,
  notifications,
  storefront,
  bases,
  lab,
  listings,
  compliance,
  certificates,
  verify,
  catalog,
  goods,
  live,
  statistics,
  commerce,
  auction,
  giveaway,
  inspection,
  addresses,
  follows,
  returns,
  cases,
  notices,
  complaints,
  evidence,
};
