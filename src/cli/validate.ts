// `mirror-guard validate`: what oc would reject or silently misread, without oc or network.
import { checkedLines } from '../core/checked-lines.js'
import { loadMappingFiles } from '../core/mapping-files.js'
import { osFilterProblem } from '../core/os-filter.js'
import type { MappingFinding } from '../core/types.js'
import { lintMappings } from '../core/validate.js'
import {
  checkOutputPath,
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE,
  parseFlags,
  writeOutput,
  type CliIo
} from './io.js'
import { plural } from '../core/text.js'

export const VALIDATE_HELP = `Usage: mirror-guard validate -f MAPPING [-f MAPPING…] [--filter-by-os RE] [--keep-manifest-list] [--json FILE]

Checks mapping files offline (no oc, no network, no credentials — safe on pull requests)
for what \`oc image mirror\` would reject (bad references, digest destinations, a destination
given twice, SRC equal to DST, …) or silently misread (tab separators, a BOM, double spaces,
tokens ignored after SRC=DST, two file:// destinations landing in one directory, …).

  -f, --filename M        a mapping file (repeat for several)
  --filter-by-os RE       the --filter-by-os you pass to oc (silences the platform warning);
                          checked with Go's regular expression syntax, as oc checks it
  --keep-manifest-list    you pass --keep-manifest-list to oc (silences the platform warning)
  --json FILE             write the findings as JSON (- for stdout: then stdout carries only
                          the JSON and the findings for people go to stderr)
  -h, --help              this text

Tag-less and wildcard sources are warnings: oc lists the repository's tags and mirrors them.

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 bad arguments, an invalid
--filter-by-os, an unreadable mapping file or a JSON file that cannot be written.
`

export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  let values
  try {
    values = parseFlags(args, {
      filename: { type: 'string', short: 'f', multiple: true },
      'filter-by-os': { type: 'string' },
      'keep-manifest-list': { type: 'boolean' },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    })
  } catch (e) {
    io.err(`mirror-guard validate: ${(e as Error).message}\n`)
    return EXIT_USAGE
  }
  if (values.help) {
    io.out(VALIDATE_HELP)
    return EXIT_OK
  }
  if (!values.filename?.length) {
    io.err('mirror-guard validate: missing -f MAPPING\n')
    return EXIT_USAGE
  }
  const filterByOs = values['filter-by-os']
  const filterProblem = filterByOs !== undefined ? osFilterProblem(filterByOs) : undefined
  if (filterByOs !== undefined && filterProblem !== undefined) {
    // oc refuses it before reading the mapping: `--filter-by-os was not a valid regular expression`.
    io.err(
      `mirror-guard validate: --filter-by-os ${JSON.stringify(filterByOs)} is not a valid regular expression: ${filterProblem}\n`
    )
    return EXIT_USAGE
  }
  const json = values.json
  if (json === '') {
    io.err('mirror-guard validate: --json needs a value\n')
    return EXIT_USAGE
  }
  try {
    if (json !== undefined && json !== '-') checkOutputPath(json, io.cwd, 'JSON report')
  } catch (e) {
    io.err(`mirror-guard validate: ${(e as Error).message}\n`)
    return EXIT_USAGE
  }
  // With --json - stdout carries only the JSON; the findings for people go to stderr.
  const say = json === '-' ? io.err : io.out

  const { set, texts } = await loadMappingFiles(values.filename, io.cwd)
  if (set.findings.some((f) => f.code === 'file-missing')) {
    for (const f of set.findings.filter((f) => f.code === 'file-missing')) {
      io.err(`mirror-guard validate: ${f.message}\n`)
    }
    return EXIT_USAGE
  }
  const findings: MappingFinding[] = [
    ...set.findings,
    ...lintMappings(set, {
      ...(filterByOs !== undefined ? { filterByOs } : {}),
      keepManifestList: values['keep-manifest-list'] ?? false
    })
  ].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
  for (const f of findings) say(`${f.file}:${f.line}: ${f.severity}: ${f.message} [${f.code}]\n`)
  const errors = findings.filter((f) => f.severity === 'error').length
  const warnings = findings.length - errors
  // Lines oc rejects hold no entry but were checked: count lines, as the findings name lines.
  const lines = checkedLines(set, findings, texts).length
  say(
    `${plural(lines, 'mapping line')} checked (` +
      `${plural(set.entries.length, 'entry', 'entries')}): ${errors} error(s), ${warnings} warning(s)\n`
  )
  if (json !== undefined) {
    const text =
      JSON.stringify(
        { version: 1, lines, entries: set.entries.length, errors, warnings, findings },
        null,
        2
      ) + '\n'
    if (json === '-') io.out(text)
    else {
      try {
        await writeOutput(json, text, io.cwd, 'JSON report')
      } catch (e) {
        io.err(`mirror-guard validate: ${(e as Error).message}\n`)
        return EXIT_USAGE
      }
    }
  }
  return errors > 0 ? EXIT_FAILED : EXIT_OK
}
