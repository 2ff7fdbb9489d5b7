/** Absolute path of the installed Electron binary, or null where it is not installed. */
export function electronBinary(): string | null;
