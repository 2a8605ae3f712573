import type { zhCN } from '../zh-CN';
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

/** English. Typed as the shape of the Chinese catalogue, so a missing or extra key fails to compile. */
export const en: typeof zhCN = {
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
