/**
 * The focused field a scanner in keyboard mode types into: each code ends with Enter, and the
 * field empties for the next one. Typing a code by hand and pressing Enter works the same way.
 */
export function ScanField({ onCode }: { onCode: (code: string) => void }) {
  return (
    <form
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
    </form>
  );
}
