// The README's workflow examples as written: each YAML block parses, and every step that uses
// mirror-guard passes only inputs the action declares, with values its input reader accepts
// (expressions `${{ … }}` replaced by a plausible value first).
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import * as prettier from 'prettier'
import { describe, expect, it } from 'vitest'
import { INPUT_SPECS } from '../../src/github/input-specs.js'
import { readInputs } from '../../src/github/inputs.js'

const ROOT = resolve(import.meta.dirname, '..', '..')
const README = readFileSync(join(ROOT, 'README.md'), 'utf8')
const blocks = [...README.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '')

/** `with:` of each `uses: mirror-guard/mirror-guard@…` step (plain and `|` block scalars). */
function mirrorGuardSteps(yaml: string): Record<string, string>[] {
  const lines = yaml.split('\n')
  const steps: Record<string, string>[] = []
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*(- )?uses: mirror-guard\/mirror-guard@/.test(lines[i])) continue
    const step: Record<string, string> = {}
    let j = i + 1
    while (j < lines.length && !/^\s*with:\s*$/.test(lines[j])) {
      if (/^\s*- /.test(lines[j])) break
      j++
    }
    if (j < lines.length && /^\s*with:\s*$/.test(lines[j])) {
      const indent = (/^\s*/.exec(lines[j + 1] ?? '')?.[0] ?? '').length
      for (j = j + 1; j < lines.length; j++) {
        const line = lines[j]
        const lead = (/^\s*/.exec(line)?.[0] ?? '').length
        if (line.trim() === '' || lead < indent) break
        if (lead > indent) continue
        const m = /^\s*([\w-]+):\s*(.*)$/.exec(line)
        if (!m) continue
        let value = (m[2] ?? '').replace(/\s+#.*$/, '').trim()
        if (value === '|') {
          const body: string[] = []
          while (j + 1 < lines.length && (/^\s*/.exec(lines[j + 1])?.[0].length ?? 0) > indent) {
            body.push(lines[++j].trim())
          }
          value = body.join('\n')
        }
        step[m[1] ?? ''] = value.replace(/^'(.*)'$/, '$1')
      }
    }
    steps.push(step)
  }
  return steps
}

/** What an expression stands for in the examples. */
function resolveExpressions(value: string): string {
  return value
    .replace(/\$\{\{\s*matrix\.shard\s*\}\}/g, '3')
    .replace(/\$\{\{\s*secrets\.[\w]+\s*\}\}/g, '{"auths":{"r.example":{"auth":"eDp5"}}}')
    .replace(/\$\{\{\s*steps\.[\w.-]+\s*\}\}/g, '12345')
    .replace(/\$\{\{[^}]*\}\}/g, 'x')
}

describe('README workflow examples', () => {
  it('there are YAML examples, the sharded one among them', () => {
    expect(blocks.length).toBeGreaterThan(3)
    expect(blocks.some((b) => /mode: aggregate/.test(b))).toBe(true)
  })

  it.each(blocks.map((b, i) => [i, b]))('block %i parses as YAML', async (_i, yaml) => {
    await expect(prettier.format(yaml, { parser: 'yaml' })).resolves.toBeTypeOf('string')
  })

  it.each(blocks.map((b, i) => [i, b]))(
    'block %i passes mirror-guard only inputs it declares and accepts',
    (_i, yaml) => {
      const names = new Set(INPUT_SPECS.map((s) => s.name))
      for (const step of mirrorGuardSteps(yaml)) {
        expect(Object.keys(step).filter((k) => !names.has(k))).toEqual([])
        const values = Object.fromEntries(
          Object.entries(step).map(([k, v]) => [k, resolveExpressions(v)])
        )
        const read = readInputs((name) => values[name] ?? '')
        expect(read.ok ? [] : read.errors, JSON.stringify(step)).toEqual([])
      }
    }
  )

  it('the aggregate job needs the matrix job, always runs, and names the same mapping and N', () => {
    const yaml = blocks.find((b) => /mode: aggregate/.test(b)) ?? ''
    expect(yaml).toMatch(/aggregate:\n\s+needs: mirror\n\s+if: \$\{\{ always\(\) \}\}/)
    const [shard, aggregate] = mirrorGuardSteps(yaml)
    expect(Object.keys(aggregate ?? {}).sort()).toEqual(['mapping', 'mode', 'shard'])
    expect(aggregate?.['mapping']).toBe(shard?.['mapping'])
    const n = /^\$\{\{ matrix\.shard \}\}\/(\d+)$/.exec(shard?.['shard'] ?? '')?.[1]
    expect(aggregate?.['shard']).toBe(n)
    const matrix = /shard: \[([\d, ]+)\]/
      .exec(yaml)?.[1]
      ?.split(',')
      .map((x) => Number(x))
    expect(matrix).toEqual(Array.from({ length: Number(n) }, (_, i) => i + 1))
    // The scheduled retry reads what the aggregate uploads (the default retry-artifact-name).
    const retry = blocks.find((b) => /sharded mirror leftovers/.test(b)) ?? ''
    expect(mirrorGuardSteps(retry)[0]?.['retry-from']).toBe(
      INPUT_SPECS.find((s) => s.name === 'retry-artifact-name')?.default
    )
  })
})
