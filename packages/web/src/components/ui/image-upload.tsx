import { useMutation } from '@tanstack/react-query';
import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMAGE_TYPES, imageUrl, MAX_IMAGE_BYTES, uploadImage } from '../../lib/images';
import { ApiErrorAlert } from '../errors/api-error-alert';

interface ImageUploadProps {
  label: string;
  imageIds: string[];
  onChange: (imageIds: string[]) => void;
  max?: number;
  testId?: string;
  /** Whose upload it is: the signed-in member's organisation (default) or a buyer's own. */
  owner?: 'organization' | 'buyer';
}

/** Uploads pictures as they are picked and keeps their ids; thumbnails can be removed again. */
export function ImageUpload({ label, imageIds, onChange, max = 1, testId, owner }: ImageUploadProps) {
  const { t } = useTranslation();
  const [tooLarge, setTooLarge] = useState(false);
  const upload = useMutation({ mutationFn: (file: File) => uploadImage(file, owner) });

  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.currentTarget.files ?? [])].slice(0, max - imageIds.length);
    event.currentTarget.value = '';
    setTooLarge(files.some((file) => file.size > MAX_IMAGE_BYTES));
    const added: string[] = [];
    for (const file of files.filter((candidate) => candidate.size <= MAX_IMAGE_BYTES)) {
      try {
        added.push((await upload.mutateAsync(file)).id);
      } catch {
        break;
      }
    }
    if (added.length > 0) onChange([...imageIds, ...added].slice(0, max));
  }

  return (
    <div className="field image-upload">
      <span className="field-label">{label}</span>
      {imageIds.length > 0 && (
        <ul className="thumb-list">
          {imageIds.map((imageId) => (
            <li key={imageId} className="thumb" data-image-id={imageId}>
              <img src={imageUrl(imageId)} alt="" />
              <button
                type="button"
                className="button button-small button-quiet"
                onClick={() => onChange(imageIds.filter((id) => id !== imageId))}
              >
                {t('certificates.removePhoto')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {imageIds.length < max && (
        <input
          className="input"
          type="file"
          accept={IMAGE_TYPES}
          multiple={max > 1}
          onChange={(event) => void pick(event)}
          disabled={upload.isPending}
          aria-label={label}
          data-testid={testId}
        />
      )}
      {upload.isPending && <span className="field-hint">{t('certificates.uploading')}</span>}
      {tooLarge && <span className="field-error">{t('certificates.imageTooLarge')}</span>}
      {upload.isError && <ApiErrorAlert error={upload.error} />}
    </div>
  );
}
