// What a CLI command may touch: two output streams and the working directory.
export interface CliIo {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
  readonly cwd: string
}

/** Thrown for bad arguments or input: the command prints it and exits 2. */
export class UsageError extends Error {}

export const EXIT_OK = 0
export const EXIT_FAILED = 1
export const EXIT_USAGE = 2
