import type { FlagFacts, StoredFlag } from '@jadelive/shared';
import type { TFunction } from 'i18next';
import { formatFenExact, formatWeight } from '../../../lib/units';

/**
 * Who said it, as a reader names them: 观众 翡翠迷小王, 主播 王丽, 直播字幕（主播）, 商品描述.
 * A viewer is never the seller: the room's seller is named apart by the caller.
 */
export function speakerLabel(t: TFunction, speaker: StoredFlag['speaker']): string {
  const kind = t(`compliance.speakerKinds.${speaker.kind}`);
  if (!speaker.name) return kind;
  return speaker.kind === 'caption_feed'
    ? t('compliance.speaker.feed', { kind, name: speaker.name })
    : t('compliance.speaker.named', { kind, name: speaker.name });
}

/**
 * The facts a claim was checked against, as sentences in the reader's language: the certificate
 * (number, lab, identification, weight, origin), the listing (title, price, 7-day lowest deal price,
 * comparison price, stock and sales) and an inspection's finding.
 */
export function factSentences(t: TFunction, facts: FlagFacts): string[] {
  const sentences: string[] = [];
  const { certificate, listing, inspection } = facts;
  if (certificate?.identification) {
    const lab = certificate.labName ? t('compliance.facts.byLab', { lab: certificate.labName }) : '';
    sentences.push(
      certificate.number
        ? t('compliance.facts.certificate', {
            number: certificate.number,
            lab,
            identification: certificate.identification,
          })
        : t('compliance.facts.certificateUnnumbered', { lab, identification: certificate.identification }),
    );
    const weight = formatWeight(certificate.weightMg ?? null, certificate.weightCt100 ?? null);
    if (weight) sentences.push(t('compliance.facts.weight', { weight }));
    if (certificate.origin) sentences.push(t('compliance.facts.origin', { origin: certificate.origin }));
  }
  if (listing) {
    const title = listing.title
      ? t('compliance.facts.quoted', { title: listing.title })
      : t('compliance.facts.thisListing');
    if (listing.priceFen !== undefined) {
      sentences.push(t('compliance.facts.price', { title, price: formatFenExact(listing.priceFen) }));
    }
    sentences.push(
      listing.lowestDealPriceFen7d !== undefined
        ? t('compliance.facts.lowestDeal', { title, price: formatFenExact(listing.lowestDealPriceFen7d) })
        : t('compliance.facts.noDeal', { title }),
    );
    if (listing.comparisonPriceFen !== undefined) {
      sentences.push(t('compliance.facts.comparison', { price: formatFenExact(listing.comparisonPriceFen) }));
    }
    if (listing.stock !== undefined && listing.soldCount !== undefined) {
      sentences.push(t('compliance.facts.stock', { stock: listing.stock, sold: listing.soldCount }));
    }
  }
  if (inspection) {
    sentences.push(
      t('compliance.facts.inspection', {
        lab: inspection.labName ?? t('compliance.facts.theLab'),
        identification: inspection.identification,
      }),
    );
    if (inspection.note) sentences.push(t('compliance.facts.inspectionNote', { note: inspection.note }));
  }
  return sentences;
}
