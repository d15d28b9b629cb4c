import { useState } from 'preact/hooks';
import { CameraDialog } from './camera/camera-dialog.js';

/**
 * The focused field a scanner in keyboard mode types into: each code ends with Enter, and the
 * field empties for the next one. Typing a code by hand and pressing Enter works the same way.
 * Scan with camera reads barcodes with the device's camera into the same onCode.
 */
export function ScanField({ onCode }: { onCode: (code: string) => void }) {
  const [camera, setCamera] = useState(false);
  return (
    <>
      <form
        class="scan-field"
        onSubmit={(event) => {
          event.preventDefault();
          const field = (event.currentTarget as HTMLFormElement).elements.namedItem('code') as HTMLInputElement;
          const code = field.value.trim();
          field.value = '';
          if (code) onCode(code);
        }}
      >
        <label>
          Scan <input name="code" autoFocus autoComplete="off" inputMode="text" enterKeyHint="enter" />
        </label>
        <button type="button" onClick={() => setCamera(true)}>Scan with camera</button>
      </form>
      {camera && <CameraDialog onCode={onCode} onClose={() => setCamera(false)} />}
    </>
  );
}
