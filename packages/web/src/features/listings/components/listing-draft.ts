import type { Listing, ListingCategory } from '@jadelive/shared';
import { decimalToInteger, fenToYuan, integerToDecimal, yuanToFen } from '../../../lib/units';
import type { ListingBody } from '../api/save-listing';

/** The form as typed: money in 元 and weights in grams as text, converted to integers on save. */
export interface ListingDraft {
  title: string;
  description: string;
  category: ListingCategory;
  price: string;
  comparisonPrice: string;
  stock: string;
  customMade: boolean;
  certificateId: string;
  purityMark: string;
  metalWeight: string;
  imageIds: string[];
}

export const emptyDraft: ListingDraft = {
  title: '',
  description: '',
  category: 'jadeite',
  price: '',
  comparisonPrice: '',
  stock: '1',
  customMade: false,
  certificateId: '',
  purityMark: '',
  metalWeight: '',
  imageIds: [],
};

export function draftFromListing(listing: Listing): ListingDraft {
  return {
    title: listing.title,
    description: listing.description,
    category: listing.category,
    price: fenToYuan(listing.priceFen),
    comparisonPrice: listing.comparisonPriceFen === null ? '' : fenToYuan(listing.comparisonPriceFen),
    stock: String(listing.stock),
    customMade: listing.customMade,
    certificateId: listing.certificate?.id ?? '',
    purityMark: listing.purityMark ?? '',
    metalWeight: listing.metalWeightMg === null ? '' : integerToDecimal(listing.metalWeightMg, 3),
    imageIds: listing.imageIds,
  };
}

export type DraftError = 'price' | 'weight';

/** The API body, or which field cannot be read. */
export function bodyFromDraft(draft: ListingDraft): { body: ListingBody } | { error: DraftError } {
  const priceFen = yuanToFen(draft.price);
  const comparisonPriceFen = draft.comparisonPrice.trim() ? yuanToFen(draft.comparisonPrice) : null;
  if (!priceFen || comparisonPriceFen === 0 || (draft.comparisonPrice.trim() && comparisonPriceFen === null))
    return { error: 'price' };
  const metalWeightMg = draft.metalWeight.trim() ? decimalToInteger(draft.metalWeight, 3) : null;
  if (metalWeightMg === 0 || (draft.metalWeight.trim() && metalWeightMg === null)) return { error: 'weight' };
  const isMetal = draft.category === 'precious_metal';
  return {
    body: {
      title: draft.title.trim(),
      description: draft.description.trim(),
      category: draft.category,
      priceFen,
      comparisonPriceFen,
      stock: Number.parseInt(draft.stock, 10) || 0,
      customMade: draft.customMade,
      certificateId: draft.certificateId || null,
      purityMark: isMetal && draft.purityMark ? (draft.purityMark as ListingBody['purityMark']) : null,
      metalWeightMg: isMetal ? metalWeightMg : null,
      imageIds: draft.imageIds,
    },
  };
}
