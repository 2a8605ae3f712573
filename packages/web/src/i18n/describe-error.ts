import type { i18n as I18n, TFunction } from 'i18next';
import type { ApiError, ValidationIssue } from '../lib/api-error';

/** The translated sentence for an error code; the server's own message if the catalogue lacks the code. */
export function describeApiError(error: ApiError, t: TFunction, i18n: I18n): string {
  // `exists` is a type guard in i18next's typings; checking a copy keeps `key` typed as a catalogue key.
  const key = `errors.${error.code}` as const;
  const known: string = key;
  return i18n.exists(known) ? t(key) : error.message;
}

/**
 * A validation issue in the reader's language where zod's code is known; the server's own wording
 * (often more precise, e.g. "at least 10 characters") is kept alongside by the caller.
 */
export function describeIssue(issue: ValidationIssue, t: TFunction, i18n: I18n): string | null {
  const key = `errors.issues.${issue.code ?? ''}`;
  return issue.code && i18n.exists(key) ? t(key as 'errors.issues.too_small') : null;
}

/** A validation issue's path (`permissions.0`) as the label of the form field it belongs to. */
export function describeField(path: string, t: TFunction, i18n: I18n): string {
  const field = path.split('.')[0] ?? '';
  const key = `fields.${field}`;
  // The path comes from the server at runtime, so the key is checked with `exists` rather than by type.
  return field && i18n.exists(key) ? t(key as 'fields.email') : path;
}
