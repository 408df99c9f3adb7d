// What a CLI command may touch (two output streams and the working directory), and the few
// things every command does the same way: flags, usage errors, exit codes, findings.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { MappingFinding } from '../core/types.js'

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

type Options = NonNullable<ParseArgsConfig['options']>

/** Strict flag parsing (no positionals); any problem becomes a UsageError. */
export function parseFlags<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
}

/** `file:line: severity: message`, or `file: …` for problems with the file itself. */
export const describeFinding = (f: MappingFinding): string =>
  f.line > 0
    ? `${f.file}:${f.line}: ${f.severity}: ${f.message}`
    : `${f.file}: ${f.severity}: ${f.message}`
