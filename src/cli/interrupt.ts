/**
 * SIGINT and SIGTERM stop a run cleanly: no new file is started, a write in progress finishes (the
 * threads never cut one in half), the files done so far are reported, and the exit status is 128 + the
 * signal's number, as a shell reports a process the signal killed.
 */
export const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof EXIT_CODES;

export interface Interruption {
  /** Aborted on the first signal. */
  signal: AbortSignal;
  received(): StopSignal | undefined;
}

export function watchSignals(): Interruption {
  const controller = new AbortController();
  let received: StopSignal | undefined;
  // Later signals are ignored too: the run is already stopping, and only waits for writes to finish.
  const onSignal = (name: StopSignal): void => {
    received ??= name;
    controller.abort();
  };
  for (const name of Object.keys(EXIT_CODES) as StopSignal[]) process.on(name, onSignal);
  return { signal: controller.signal, received: () => received };
}
