// The README is reference documentation: its inputs, outputs and class tables are generated
// from the code and action.yml, and this test fails on any drift.
// Regenerate with: UPDATE_README=1 npx vitest run test/docs/readme.test.ts
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLASS_INFO } from '../../src/core/classify.js'
import type { FailureClass } from '../../src/core/types.js'
import { INPUT_SPECS } from '../../src/github/input-specs.js'

const ROOT = resolve(import.meta.dirname, '..', '..')
const README = join(ROOT, 'README.md')

interface YamlItem {
  name: string
  description: string
  default?: string
  required?: boolean
}

/** Reads the `inputs:` or `outputs:` block of action.yml (two-space names, four-space keys). */
function actionSection(section: 'inputs' | 'outputs'): YamlItem[] {
  const lines = readFileSync(join(ROOT, 'action.yml'), 'utf8').split('\n')
  const start = lines.indexOf(`${section}:`)
  if (start < 0) throw new Error(`action.yml has no ${section}: block`)
  const items: YamlItem[] = []
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break
    const name = /^ {2}([\w-]+):\s*$/.exec(line)
    if (name?.[1]) {
      items.push({ name: name[1], description: '' })
      continue
    }
    const key = /^ {4}(description|default|required|value):\s*(.*)$/.exec(line)
    const item = items[items.length - 1]
    if (!key || !item) continue
    const value = unquote(key[2] ?? '')
    if (key[1] === 'description') item.description = value
    if (key[1] === 'default') item.default = value
    if (key[1] === 'required') item.required = value === 'true'
  }
  return items
}

const unquote = (v: string): string =>
  v.startsWith("'") && v.endsWith("'")
    ? v.slice(1, -1).replace(/''/g, "'")
    : v.startsWith('"') && v.endsWith('"')
      ? (JSON.parse(v) as string)
      : v

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')

/** The one inputs table: what each input does, its default, and what is accepted and checked. */
function inputsTable(): string {
  const rows = INPUT_SPECS.map(
    (s) =>
      `| \`${s.name}\`${s.required ? ' (required)' : ''} | ${s.default ? `\`${cell(s.default)}\`` : ''} | ${cell(s.description)} | ${cell(s.accepts ?? '')} |`
  )
  return [
    '| input | default | description | accepted (checked before anything runs) |',
    '|---|---|---|---|',
    ...rows
  ].join('\n')
}

function outputsTable(): string {
  const rows = actionSection('outputs').map((o) => `| \`${o.name}\` | ${cell(o.description)} |`)
  return ['| output | description |', '|---|---|', ...rows].join('\n')
}

function classesTable(): string {
  const rows = (
    Object.entries(CLASS_INFO) as [FailureClass, (typeof CLASS_INFO)[FailureClass]][]
  ).map(
    ([name, info]) =>
      `| \`${name}\` | ${info.retryable ? 'yes' : 'no'} | ${cell(info.meaning)} | ${cell(info.whatToDo)} |`
  )
  return [
    '| class | retried by default | meaning | what to do |',
    '|---|---|---|---|',
    ...rows
  ].join('\n')
}

const block = (text: string, name: string): string | undefined => {
  const m = new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)<!-- ${name}:end -->`).exec(text)
  return m?.[1]?.trimEnd()
}

const GENERATED: Record<string, () => string> = {
  inputs: inputsTable,
  outputs: outputsTable,
  classes: classesTable
}

/** action.yml's `inputs:` block, written from INPUT_SPECS (single-quoted YAML scalars). */
function inputsYaml(): string {
  const q = (v: string): string => `'${v.replace(/'/g, "''")}'`
  return INPUT_SPECS.map((s) =>
    [
      `  ${s.name}:`,
      `    description: ${q(s.description)}`,
      `    required: ${s.required ? 'true' : 'false'}`,
      ...(s.default !== undefined ? [`    default: ${q(s.default)}`] : [])
    ].join('\n')
  ).join('\n')
}

function writeActionInputs(): void {
  const path = join(ROOT, 'action.yml')
  const lines = readFileSync(path, 'utf8').split('\n')
  const start = lines.indexOf('inputs:')
  let end = start + 1
  while (end < lines.length && !/^\S/.test(lines[end] ?? '')) end++
  lines.splice(start + 1, end - start - 1, ...inputsYaml().split('\n'))
  writeFileSync(path, lines.join('\n'))
}

describe('README reference tables', () => {
  if (process.env['UPDATE_README']) {
    writeActionInputs()
    let text = readFileSync(README, 'utf8')
    for (const [name, make] of Object.entries(GENERATED)) {
      text = text.replace(
        new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`),
        `$1${make()}\n$2`
      )
    }
    writeFileSync(README, text)
  }
  const readme = readFileSync(README, 'utf8')

  for (const [name, make] of Object.entries(GENERATED)) {
    it(`the ${name} table matches the code (regenerate with UPDATE_README=1)`, () => {
      expect(block(readme, name)).toBe(make())
    })
  }

  it('action.yml declares exactly the inputs of INPUT_SPECS (regenerate with UPDATE_README=1)', () => {
    const declared = actionSection('inputs').map((i) => ({
      name: i.name,
      description: i.description,
      default: i.default ?? '',
      required: i.required ?? false
    }))
    const specs = INPUT_SPECS.map((s) => ({
      name: s.name,
      description: s.description,
      default: s.default ?? '',
      required: s.required ?? false
    }))
    expect(declared).toEqual(specs)
  })

  it('every input says what it accepts (the rules column of the inputs table)', () => {
    expect(INPUT_SPECS.filter((s) => !s.accepts).map((s) => s.name)).toEqual([])
  })

  it('has one inputs table, not a second one repeating the inputs', () => {
    const rows = readme.split('\n').filter((l) => l.startsWith('| `mapping`'))
    expect(rows).toHaveLength(1)
  })

  it('CHANGELOG names every failure class (the first release lists them, later ones add)', () => {
    const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')
    const missing = Object.keys(CLASS_INFO).filter((c) => !changelog.includes(`\`${c}\``))
    expect(missing).toEqual([])
  })

  it('runs on node24 with main and post', () => {
    const yml = readFileSync(join(ROOT, 'action.yml'), 'utf8')
    expect(yml).toMatch(/using:\s*'?node24'?/)
    expect(yml).toMatch(/main:\s*'?dist\/index\.js'?/)
    expect(yml).toMatch(/post:\s*'?dist\/index\.js'?/)
    expect(yml).toMatch(/post-if:\s*'?always\(\)'?/)
  })
})
