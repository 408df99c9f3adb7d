// `mirror-guard validate`: what oc would reject or silently misread, without oc or network.
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { checkedLines } from '../core/checked-lines.js'
import { loadMappingFiles } from '../core/mapping-files.js'
import type { MappingFinding } from '../core/types.js'
import { lintMappings } from '../core/validate.js'
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, parseFlags, type CliIo } from './io.js'

export const VALIDATE_HELP = `Usage: mirror-guard validate -f MAPPING [-f MAPPING…] [--filter-by-os RE] [--keep-manifest-list] [--json FILE]

Checks mapping files offline (no oc, no network, no credentials — safe on pull requests)
for what \`oc image mirror\` would reject (bad references, digest destinations, a destination
given twice, SRC equal to DST, …) or silently misread (tab separators, a BOM, double spaces,
tokens ignored after SRC=DST, two file:// destinations landing in one directory, …).

  -f, --filename M        a mapping file (repeat for several)
  --filter-by-os RE       the --filter-by-os you pass to oc (silences the platform warning)
  --keep-manifest-list    you pass --keep-manifest-list to oc (silences the platform warning)
  --json FILE             write the findings as JSON (- for stdout)
  -h, --help              this text

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 bad arguments or unreadable file.
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
      ...(values['filter-by-os'] !== undefined ? { filterByOs: values['filter-by-os'] } : {}),
      keepManifestList: values['keep-manifest-list'] ?? false
    })
  ].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
  for (const f of findings) io.out(`${f.file}:${f.line}: ${f.severity}: ${f.message} [${f.code}]\n`)
  const errors = findings.filter((f) => f.severity === 'error').length
  // Lines oc rejects hold no entry but were checked: count lines, as the findings name lines.
  const lines = checkedLines(set, findings, texts).length
  io.out(
    `${lines} mapping line${lines === 1 ? '' : 's'} checked (${set.entries.length} entr${set.entries.length === 1 ? 'y' : 'ies'}): ${errors} error(s), ${findings.length - errors} warning(s)\n`
  )
  if (values.json) {
    const text =
      JSON.stringify({ version: 1, entries: set.entries.length, lines, findings }, null, 2) + '\n'
    if (values.json === '-') io.out(text)
    else await writeFile(resolve(io.cwd, values.json), text)
  }
  return errors > 0 ? EXIT_FAILED : EXIT_OK
}
