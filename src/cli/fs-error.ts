/** `EACCES: permission denied, scandir '/x'` → `EACCES: permission denied` (the path is reported apart). */
export function describeFsError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/, \w+ '.*'$/s, '');
}

export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
