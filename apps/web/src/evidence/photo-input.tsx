import { useEffect, useMemo } from 'preact/hooks';
import { resizePhoto } from './resize-photo.js';

interface Props {
  /** What the photos show, e.g. "Stoneware mug" or "the delivery". */
  subject: string;
  photos: readonly Blob[];
  onChange: (photos: Blob[]) => void;
}

/** Photos from the camera or the gallery, resized on the device, each shown with a way to remove it. */
export function PhotoInput({ subject, photos, onChange }: Props) {
  const previews = useMemo(() => photos.map((photo) => URL.createObjectURL(photo)), [photos]);
  useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews]);
  const add = async (files: FileList | null) => {
    const resized = await Promise.all([...(files ?? [])].map(resizePhoto));
    onChange([...photos, ...resized]);
  };
  return (
    <div class="photos">
      <label>
        Photo of {subject}
        <input type="file" accept="image/*" capture="environment" multiple onChange={(event) => void add(event.currentTarget.files).then(() => ((event.target as HTMLInputElement).value = ''))} />
      </label>
      {previews.map((url, index) => (
        <figure key={url}>
          <img src={url} alt={`Photo ${index + 1} of ${subject}`} />
          <button type="button" class="quiet" onClick={() => onChange(photos.filter((_, kept) => kept !== index))}>
            Remove photo {index + 1}
          </button>
        </figure>
      ))}
    </div>
  );
}
