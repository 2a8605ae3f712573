import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { imageUrl } from '../../../lib/images';

/** The listing's pictures: one large, the others as thumbnails to switch to. */
export function ListingGallery({ title, imageIds }: { title: string; imageIds: string[] }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState(0);
  const current = imageIds[selected] ?? imageIds[0];
  if (!current) return <div className="gallery-main gallery-empty muted">{t('goods.noImage')}</div>;
  return (
    <div className="gallery">
      <img
        className="gallery-main"
        src={imageUrl(current)}
        alt={t('catalog.listing.imageAlt', { title, index: selected + 1 })}
        data-testid="listing-image"
      />
      {imageIds.length > 1 && (
        <div className="gallery-thumbs">
          {imageIds.map((imageId, index) => (
            <button
              key={imageId}
              type="button"
              className="gallery-thumb"
              aria-pressed={index === selected}
              onClick={() => setSelected(index)}
            >
              <img src={imageUrl(imageId)} alt={t('catalog.listing.imageAlt', { title, index: index + 1 })} />
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
