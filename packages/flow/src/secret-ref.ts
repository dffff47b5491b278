/** `{{secret.NAME}}` — the only way a flow refers to a credential. Resolved at run time, never stored. */
export const SECRET_REF_PATTERN = /\{\{\s*secret\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Names of the secrets a string refers to, in order of appearance. */
export function secretNames(text: string): string[] {
  return [...text.matchAll(SECRET_REF_PATTERN)].map((m) => m[1] as string);
}

/** Replaces every secret reference using `lookup`; a name it does not know is reported through `onMissing`. */
export function resolveSecretRefs(text: string, lookup: (name: string) => string | undefined, onMissing: (name: string) => never): string {
  return text.replace(SECRET_REF_PATTERN, (_whole, name: string) => lookup(name) ?? onMissing(name));
}
