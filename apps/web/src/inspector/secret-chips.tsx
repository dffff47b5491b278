import { secretNames } from '@seam/flow';

/** Secret references in a value, shown by name only: the secret itself never reaches the browser or the file. */
export function SecretChips({ value }: { value: string }) {
  const names = secretNames(value);
  if (names.length === 0) return null;
  return (
    <span className="secret-chips">
      {names.map((name) => (
        <span key={name} className="secret-chip" title="A secret reference: resolved on the server at run time, never stored in the flow"><span className="secret-chip-kind">secret</span> {name}</span>
      ))}
    </span>
  );
}
