#!/usr/bin/env node
// The mirror-guard command line: triage a log, verify a mirror, validate a mapping.
import { readFileSync } from 'node:fs'
import { triageCommand, TRIAGE_HELP } from './cli/triage.js'
import { validateCommand } from './cli/validate.js'
import { verifyCommand } from './cli/verify.js'
import { mergeCommand } from './cli/merge.js'
import { shardCommand } from './cli/shard.js'
import { DEFAULT_COLUMNS, EXIT_OK, EXIT_USAGE, ioReason, type CliIo } from './cli/io.js'

const HELP = `mirror-guard — make \`oc image mirror\` failures visible, retryable and provable.

Usage: mirror-guard <command> [options]

Commands:
  triage    read an oc image mirror log: which mapping lines failed and why, plus a retry mapping
  verify    check that a mirror is complete (file:// trees on disk, or registries over HTTP)
  validate  check mapping files for what oc would reject or silently misread (no network)
  shard     split a mapping into N shards (print the split, or write one shard's mapping)
  merge     merge the JSON reports of a mapping's shards: one verdict, one retry mapping

Options:
  -h, --help     this text
  -V, --version  print "mirror-guard <version>"

Run "mirror-guard <command> --help" for the options of a command.

${TRIAGE_HELP.split('\n').slice(-5).join('\n')}`

/**
 * The version of the installed package. dist/cli.js and src/cli.ts both sit one level below the
 * package root (dist/package.json only sets the module type, hence '..'). `base` is a parameter
 * so the bundler cannot resolve the URL at build time and swap in a copied asset.
 */
function packageVersion(base: string = import.meta.url): string {
  const url = new URL('../package.json', base)
  const pkg = JSON.parse(readFileSync(url, 'utf8')) as { version?: unknown }
  if (typeof pkg.version !== 'string') throw new Error(`${url.pathname} has no "version"`)
  return pkg.version
}

/**
 * A stream whose reader went away (`| head -1`: EPIPE) is dropped quietly: the command goes on
 * (its files are still written) and exits with its own status, without a stack trace.
 */
function quietWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false
  // EPIPE, or any other failure of the stream itself: there is nowhere left to say it.
  stream.on('error', () => {
    closed = true
  })
  return (text) => {
    if (!closed) stream.write(text)
  }
}

/** Terminal width for tables: the terminal's, else $COLUMNS, else 80. */
function terminalColumns(): number {
  if (process.stdout.isTTY && process.stdout.columns > 0) return process.stdout.columns
  const env = Number(process.env['COLUMNS'])
  return Number.isInteger(env) && env > 0 ? env : DEFAULT_COLUMNS
}

async function main(argv: string[]): Promise<number> {
  const io: CliIo = {
    out: quietWriter(process.stdout),
    err: quietWriter(process.stderr),
    cwd: process.cwd(),
    columns: terminalColumns()
  }
  const [command, ...rest] = argv
  switch (command) {
    case 'triage':
      return triageCommand(rest, io)
    case 'verify': {
      // A stop ends the registry requests at once; the report of what was checked is printed.
      const stop = new AbortController()
      const onSignal = (sig: NodeJS.Signals): void => stop.abort(new Error(`received ${sig}`))
      process.once('SIGINT', onSignal)
      process.once('SIGTERM', onSignal)
      try {
        return await verifyCommand(rest, { ...io, signal: stop.signal })
      } finally {
        process.off('SIGINT', onSignal)
        process.off('SIGTERM', onSignal)
      }
    }
    case 'validate':
      return validateCommand(rest, io)
    case 'shard':
      return shardCommand(rest, io)
    case 'merge':
      return mergeCommand(rest, io)
    case '-V':
    case '--version':
      io.out(`mirror-guard ${packageVersion()}\n`)
      return EXIT_OK
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      io.out(HELP)
      return command === undefined ? EXIT_USAGE : EXIT_OK
    default:
      io.err(`mirror-guard: unknown command "${command}"\n\n${HELP}`)
      return EXIT_USAGE
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    // A file that could not be read or written: one line naming it, exit 2 like other input errors.
    const sys = e as NodeJS.ErrnoException | undefined
    if (sys?.code !== undefined && typeof sys.path === 'string') {
      process.stderr.write(`mirror-guard: ${sys.path}: ${ioReason(e)}\n`)
      process.exitCode = EXIT_USAGE
      return
    }
    process.stderr.write(
      `mirror-guard: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`
    )
    process.exitCode = 3
  }
)
