/**
 * Small choices remembered on this device (which office, which desk): localStorage,
 * ignored when storage is disabled.
 */
export const DESK_CHOICE_KEY = 'sportello.desk';
export const OFFICE_CHOICE_KEY = 'sportello.office';

export function readPreference(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writePreference(key: string, value: string | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(key);
    else globalThis.localStorage?.setItem(key, value);
  } catch {
    // Storage disabled (private browsing, policies): the choice lasts for the visit.
  }
}

/** The remembered office if the account still has it, else the first one. */
export function chooseOffice(offices: ReadonlyArray<{ id: string }>, remembered: string | null): string | null {
  if (remembered && offices.some((office) => office.id === remembered)) return remembered;
  return offices[0]?.id ?? null;
}
