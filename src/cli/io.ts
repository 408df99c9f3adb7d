// What a CLI command may touch (two output streams, the working directory, the terminal
// width), and the few things every command does the same way: flags, usage errors, exit
// codes, findings, output files.
import { statSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { MappingFinding } from '../core/types.js'
import { errorMessage, plural } from '../core/text.js'

export interface CliIo {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
  readonly cwd: string
  /** Width of the terminal tables are printed for (default 80). */
  readonly columns?: number
}

/** Thrown for bad arguments or input: the command prints it and exits 2. */
export class UsageError extends Error {}

export const EXIT_OK = 0
export const EXIT_FAILED = 1
export const EXIT_USAGE = 2

export const DEFAULT_COLUMNS = 80

/**
 * What a command prints after writing a retry mapping, on two short lines (80 columns). `--force`
 * only where a plain rerun can skip a broken image: a file:// or s3:// destination.
 */
export function retryHint(path: string, entries: number, needsForce: boolean): string {
  return (
    `retry mapping: ${path} (${plural(entries, 'entry', 'entries')})\n` +
    `  rerun with: oc image mirror -f ${path}${needsForce ? ' --force' : ''} …\n`
  )
}

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

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a component of the path is not a directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EEXIST: 'already exists',
  EINVAL: 'invalid argument',
  ENAMETOOLONG: 'file name too long',
  EIO: 'input/output error'
}

/** A Node system error's reason in words (`no such file or directory`), without its stack. */
export function ioReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code
  if (code !== undefined && REASONS[code] !== undefined) return REASONS[code]
  const message = errorMessage(e)
  return (message.split('\n')[0] ?? message).replace(/^[A-Z]+: /, '')
}

/**
 * Fails early, before any work, when an output file cannot be created: its directory is
 * missing or is not a directory. (Permission and similar problems surface at the write.)
 */
export function checkOutputPath(path: string, cwd: string, what: string): void {
  const target = resolve(cwd, path)
  const dir = dirname(target)
  let isDir: boolean
  try {
    isDir = statSync(dir).isDirectory()
  } catch (e) {
    throw new UsageError(`cannot write ${what} ${path}: ${dir}: ${ioReason(e)}`)
  }
  if (!isDir) throw new UsageError(`cannot write ${what} ${path}: ${dir} is not a directory`)
  try {
    if (statSync(target).isDirectory()) {
      throw new UsageError(`cannot write ${what} ${path}: is a directory`)
    }
  } catch (e) {
    if (e instanceof UsageError) throw e
    // Absent: it will be created.
  }
}

/** Writes an output file; any failure is a UsageError naming the path (exit 2, one line). */
export async function writeOutput(
  path: string,
  text: string,
  cwd: string,
  what: string
): Promise<void> {
  try {
    await writeFile(resolve(cwd, path), text)
  } catch (e) {
    throw new UsageError(`cannot write ${what} ${path}: ${ioReason(e)}`)
  }
}
