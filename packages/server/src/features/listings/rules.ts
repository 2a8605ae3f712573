import { type ListingCategory, requiresCertificate } from '@jadelive/shared';
import {
  type ComplianceFlag,
  type MaterialFamily,
  parseIdentification,
  scan,
} from '@jadelive/shared/compliance';

export interface CertificateFacts {
  id: string;
  status: string;
  quantity: number;
  identification: string;
  weightMg: number | null;
  weightCt100: number | null;
  origin: string | null;
}

/** Everything the publishing rules and the claim scan look at, as it would be after the change. */
export interface ListingFacts {
  title: string;
  description: string;
  category: ListingCategory;
  priceFen: number;
  comparisonPriceFen: number | null;
  stock: number;
  soldCount: number;
  purityMark: string | null;
  metalWeightMg: number | null;
  lowestDealPriceFen7d: number | null;
  certificate: CertificateFacts | null;
  /** Another listing on sale (or sold out, or suspended) that this certificate already backs. */
  certificateBacks?: { listingId: string; listingTitle: string } | null;
}

export interface Problem {
  code: string;
  field: string;
  message: string;
  /** What the console needs to word the problem (e.g. the other listing's title). */
  facts?: Record<string, string | number>;
}

/** Which certified materials may be sold under a category: a glass certificate never backs a jade listing. */
const FAMILIES_BY_CATEGORY: Partial<Record<ListingCategory, readonly MaterialFamily[]>> = {
  jadeite: ['jadeite'],
  nephrite: ['nephrite'],
  other_jade: [
    'quartz_jade',
    'serpentine',
    'albite',
    'hydrogrossular',
    'dushan',
    'turquoise',
    'lapis',
    'crystal',
  ],
  pearl: ['pearl'],
  diamond: ['diamond', 'synthetic_diamond'],
  colored_gem: ['ruby', 'sapphire', 'tourmaline', 'crystal', 'amber', 'coral', 'turquoise', 'lapis'],
};

/**
 * 明码标价和禁止价格欺诈规定: a comparison price must be a real earlier deal price — at most the lowest
 * deal price of the previous 7 days. With no deal on record there is nothing it can rest on.
 */
export function comparisonPriceProblems(facts: ListingFacts): Problem[] {
  if (facts.comparisonPriceFen === null) return [];
  const field = 'comparisonPriceFen';
  if (facts.comparisonPriceFen <= facts.priceFen) {
    return [
      { code: 'COMPARISON_NOT_ABOVE_PRICE', field, message: 'a comparison price must be above the price' },
    ];
  }
  if (facts.lowestDealPriceFen7d === null) {
    return [
      {
        code: 'COMPARISON_WITHOUT_DEALS',
        field,
        message: 'no deal on record supports a comparison price (划线价 must be a real earlier deal price)',
      },
    ];
  }
  if (facts.comparisonPriceFen > facts.lowestDealPriceFen7d) {
    return [
      {
        code: 'COMPARISON_ABOVE_LOWEST_DEAL',
        field,
        message: `comparison price ${facts.comparisonPriceFen} fen is above the lowest deal price of the previous 7 days (${facts.lowestDealPriceFen7d} fen)`,
      },
    ];
  }
  return [];
}

/** What stands between a listing and going on sale; empty when it may be published. */
export function publishProblems(facts: ListingFacts): Problem[] {
  const problems = comparisonPriceProblems(facts);
  if (facts.stock < 1)
    problems.push({ code: 'NO_STOCK', field: 'stock', message: 'nothing in stock to sell' });
  if (requiresCertificate(facts.category)) problems.push(...certificateProblems(facts));
  if (facts.certificate && facts.certificateBacks) {
    problems.push({
      code: 'CERTIFICATE_IN_USE',
      field: 'certificateId',
      message: `the certificate already backs the listing ${facts.certificateBacks.listingTitle}: one certificate, one piece on sale`,
      facts: { ...facts.certificateBacks },
    });
  }
  if (facts.category === 'precious_metal' && (facts.purityMark === null || facts.metalWeightMg === null)) {
    problems.push({
      code: 'PURITY_MARK_REQUIRED',
      field: 'purityMark',
      message: 'precious-metal goods state their purity mark (GB 11887) and metal weight',
    });
  }
  return problems;
}

function certificateProblems(facts: ListingFacts): Problem[] {
  const certificate = facts.certificate;
  const field = 'certificateId';
  if (!certificate) {
    return [{ code: 'CERTIFICATE_REQUIRED', field, message: 'gem listings need an inspection certificate' }];
  }
  const problems: Problem[] = [];
  if (certificate.status !== 'verified') {
    problems.push({
      code: 'CERTIFICATE_NOT_VERIFIED',
      field,
      message: `the certificate is ${certificate.status}, not verified`,
    });
  }
  if (facts.stock > certificate.quantity) {
    problems.push({
      code: 'CERTIFICATE_QUANTITY_TOO_SMALL',
      field: 'stock',
      message: `the certificate covers ${certificate.quantity} piece(s), the listing offers ${facts.stock}`,
    });
  }
  const family = parseIdentification(certificate.identification).materialFamily;
  const allowed = FAMILIES_BY_CATEGORY[facts.category] ?? [];
  if (family === null || !allowed.includes(family)) {
    problems.push({
      code: 'CERTIFICATE_MATERIAL_MISMATCH',
      field,
      message: `the certificate reads ${certificate.identification}, which is not sold as ${facts.category}`,
    });
  }
  return problems;
}

/** The claim-compliance engine over the title and description, against the certificate and the sales facts. */
export function scanListingText(facts: ListingFacts): ComplianceFlag[] {
  const certificate = facts.certificate;
  return scan(`${facts.title}\n${facts.description}`, {
    certificate: certificate
      ? {
          identification: certificate.identification,
          ...(certificate.weightMg !== null ? { weightMg: certificate.weightMg } : {}),
          ...(certificate.weightCt100 !== null ? { weightCt100: certificate.weightCt100 } : {}),
          ...(certificate.origin !== null ? { origin: certificate.origin } : {}),
        }
      : undefined,
    listing: {
      priceFen: facts.priceFen,
      stock: facts.stock,
      soldCount: facts.soldCount,
      ...(facts.lowestDealPriceFen7d !== null ? { lowestDealPriceFen7d: facts.lowestDealPriceFen7d } : {}),
      ...(facts.comparisonPriceFen !== null ? { comparisonPriceFen: facts.comparisonPriceFen } : {}),
    },
  });
}
