/** Long enough a side to read a label or see a crushed corner; a phone photo shrinks to a few hundred KB. */
const LONGEST_SIDE = 1600;
const QUALITY = 0.85;

/**
 * A phone's photo made small before it is kept or sent, as JPEG. Drawing it afresh also leaves its
 * EXIF (and so its location) behind. A photo the browser cannot decode (e.g. HEIC outside Safari)
 * goes as it is: the API reads its type and strips its location itself.
 */
export async function resizePhoto(photo: Blob): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(photo);
  } catch {
    return photo;
  }
  const scale = Math.min(1, LONGEST_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const resized = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
  return resized ?? photo;
}
