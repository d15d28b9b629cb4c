import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { cameraProblem, namedError } from './camera-problem.js';
import { chooseDecoder, type CodeDecoder, type NativeDetectorClass } from './detector-choice.js';
import { repeatGuard } from './repeat-guard.js';

export type CameraState = { kind: 'starting' } | { kind: 'scanning' } | { kind: 'failed'; message: string };

/** How long the loop rests between two reads of the picture: about ten reads a second. */
const BETWEEN_READS_MS = 100;

const loadZxing = (): Promise<CodeDecoder<HTMLVideoElement>> =>
  import('./zxing-decoder.js').then(
    (module) => module.zxingDecoder(),
    () => Promise.reject(namedError('ScannerUnavailable')),
  );

function openRearCamera(): Promise<MediaStream> {
  if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) return Promise.reject(namedError('InsecureContext'));
  return navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
}

/**
 * While mounted: the rear camera plays in `video`, and each barcode read that repeatGuard lets
 * through calls onCode. Unmounting stops the camera's tracks (the camera light goes out).
 * `reads` counts the frames in which a barcode was seen, counted or not.
 */
export function useCameraScan(video: RefObject<HTMLVideoElement | null>, onCode: (code: string) => void): { state: CameraState; reads: number } {
  const [state, setState] = useState<CameraState>({ kind: 'starting' });
  const [reads, setReads] = useState(0);
  // The loop outlives renders; it calls the newest onCode, which sees the screen's newest lines.
  const latestOnCode = useRef(onCode);
  latestOnCode.current = onCode;

  useEffect(() => {
    const element = video.current!;
    let stopped = false;
    let stream: MediaStream | undefined;
    const counts = repeatGuard();
    const run = async () => {
      const native = (window as { BarcodeDetector?: NativeDetectorClass<HTMLVideoElement> }).BarcodeDetector;
      // Loading zxing and asking for the camera go on at once; the stream is kept first, so that
      // whatever fails afterwards still stops it.
      const choosing = chooseDecoder(native, loadZxing);
      choosing.catch(() => undefined);
      stream = await openRearCamera();
      if (stopped) return stopTracks(stream);
      const decoder = await choosing;
      if (stopped) return;
      element.srcObject = stream;
      await element.play();
      setState({ kind: 'scanning' });
      while (!stopped) {
        if (element.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && element.videoWidth > 0) {
          const codes = await decoder.decode(element);
          if (stopped) return;
          if (codes.length > 0) setReads((now) => now + 1);
          for (const code of codes) if (counts(code, Date.now())) latestOnCode.current(code);
        }
        await new Promise((resolve) => setTimeout(resolve, BETWEEN_READS_MS));
      }
    };
    run().catch((error: unknown) => {
      if (!stopped) setState({ kind: 'failed', message: cameraProblem(error) });
      if (stream) stopTracks(stream);
    });
    return () => {
      stopped = true;
      if (stream) stopTracks(stream);
      element.srcObject = null;
    };
  }, [video]);

  return { state, reads };
}

const stopTracks = (stream: MediaStream) => stream.getTracks().forEach((track) => track.stop());
