import SignaturePad from 'signature_pad';
import { useEffect, useRef } from 'preact/hooks';

/** The receiver signs with a finger or a mouse; each stroke replaces the signature kept so far. */
export function SignatureField({ onChange }: { onChange: (signature: Blob | null) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;
  useEffect(() => {
    const surface = canvas.current as HTMLCanvasElement;
    // Drawn at the screen's pixel density, so the stroke is sharp and lands under the finger.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    surface.width = surface.offsetWidth * ratio;
    surface.height = surface.offsetHeight * ratio;
    surface.getContext('2d')?.scale(ratio, ratio);
    const signature = new SignaturePad(surface, { backgroundColor: 'rgb(255,255,255)' });
    // Read synchronously (toBlob calls back later): a receiver who lifts the pen and taps Finish at once keeps the signature.
    signature.addEventListener('endStroke', () => changed.current(pngOf(surface)));
    pad.current = signature;
    return () => signature.off();
  }, []);
  const clear = () => {
    pad.current?.clear();
    changed.current(null);
  };
  return (
    <div class="signature">
      <span class="label" id="signature-label">Receiver's signature</span>
      <canvas ref={canvas} role="img" aria-labelledby="signature-label" />
      <button type="button" class="quiet" onClick={clear}>
        Clear signature
      </button>
    </div>
  );
}

function pngOf(surface: HTMLCanvasElement): Blob {
  const bytes = atob(surface.toDataURL('image/png').split(',')[1] as string);
  return new Blob([Uint8Array.from(bytes, (character) => character.charCodeAt(0))], { type: 'image/png' });
}
