/** A fieldset of checkboxes, one per choice, answering the checked ones in the choices' order. */
export function CheckboxGroup<T extends string>({ legend, name, choices, checked, onChange }: {
  legend: string;
  name: string;
  choices: readonly T[];
  checked: readonly T[] | undefined;
  onChange: (checked: T[]) => void;
}) {
  const toggle = (choice: T, on: boolean) => onChange(choices.filter((each) => (each === choice ? on : (checked ?? []).includes(each))));
  return (
    <fieldset>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice}>
          <input type="checkbox" name={name} value={choice} checked={checked?.includes(choice) ?? false} onChange={(event) => toggle(choice, event.currentTarget.checked)} /> {choice}
        </label>
      ))}
    </fieldset>
  );
}
