import { useEffect, useRef, useState } from 'preact/hooks';
import { useCameraScan } from './use-camera-scan.js';

/** How long the picture's frame stays green after a code counts. */
const FLASH_MS = 600;

/**
 * The camera's picture in a modal dialog; each barcode it reads is one onCode, confirmed in the
 * dialog. Mount it to open it: Close, Escape or unmounting stops the camera.
 */
export function CameraDialog({ onCode, onClose }: { onCode: (code: string) => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const [counted, setCounted] = useState<{ code: string; total: number } | null>(null);
  const [flash, setFlash] = useState(false);
  const { state, reads } = useCameraScan(video, (code) => {
    onCode(code);
    setCounted((now) => ({ code, total: (now?.total ?? 0) + 1 }));
    setFlash(true);
    navigator.vibrate?.(60);
  });

  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(false), FLASH_MS);
    return () => clearTimeout(timer);
  }, [flash, counted]);

  return (
    // Escape closes a modal dialog natively; its close event is the one way out, whatever closed it.
    <dialog ref={dialog} class="camera" aria-labelledby="camera-title" onClose={onClose} data-reads={reads}>
      <h2 id="camera-title">Scan with camera</h2>
      <div class={flash ? 'camera-picture counted' : 'camera-picture'}>
        <video ref={video} muted playsInline aria-label="Camera picture" />
      </div>
      {state.kind === 'failed' ? (
        <p role="alert" class="error">{state.message}</p>
      ) : (
        <p role="status" aria-live="polite">
          {counted ? `Scanned ${counted.code} (${counted.total} so far)` : state.kind === 'starting' ? 'Starting the camera…' : 'Hold a barcode in the frame.'}
        </p>
      )}
      <button type="button" onClick={() => dialog.current?.close()}>Close</button>
    </dialog>
  );
}
