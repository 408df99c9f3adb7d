#!/usr/bin/env node
// The mirror-guard command line: triage a log, verify a mirror, validate a mapping.
import { triageCommand, TRIAGE_HELP } from './cli/triage.js'
import { validateCommand } from './cli/validate.js'
import { verifyCommand } from './cli/verify.js'
import { EXIT_OK, EXIT_USAGE, type CliIo } from './cli/io.js'

const HELP = `mirror-guard — make \`oc image mirror\` failures visible, retryable and provable.

Usage: mirror-guard <command> [options]

Commands:
  triage    read an oc image mirror log: which mapping lines failed and why, plus a retry mapping
  verify    check that a mirror is complete (file:// trees on disk, or registries over HTTP)
  validate  check mapping files for what oc would reject or silently misread (no network)

Run "mirror-guard <command> --help" for the options of a command.

${TRIAGE_HELP.split('\n').slice(-5).join('\n')}`

async function main(argv: string[]): Promise<number> {
  const io: CliIo = {
    out: (s) => void process.stdout.write(s),
    err: (s) => void process.stderr.write(s),
    cwd: process.cwd()
  }
  const [command, ...rest] = argv
  switch (command) {
    case 'triage':
      return triageCommand(rest, io)
    case 'verify':
      return verifyCommand(rest, io)
    case 'validate':
      return validateCommand(rest, io)
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
    process.stderr.write(
      `mirror-guard: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`
    )
    process.exitCode = 3
  }
)
