// Citations stay inside the repository: code and docs cite sections of docs/oc-behaviour.md
// (which must exist), never a document a reader of the repository cannot open; the document
// itself links only to oc's public sources at a release branch.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '..', '..')
const DOC = 'docs/oc-behaviour.md'
/** The section sign, spelled as an escape so that this file does not cite anything itself. */
const S = '\u00a7'
const docText = readFileSync(join(ROOT, DOC), 'utf8')

/** Text files a reader opens: sources, tests, scripts, docs (fixture data only its notes). */
function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = `${dir}/${d.name}`
    if (d.isDirectory()) return files(rel)
    if (rel.startsWith('test/fixtures/') && !rel.endsWith('.md')) return []
    return /\.(?:ts|mts|mjs|js|md|ya?ml|json)$/.test(d.name) ? [rel] : []
  })
}
const CHECKED = [
  ...['src', 'test', 'scripts', 'docs', 'eslint', 'examples'].flatMap(files),
  ...readdirSync(ROOT).filter((n) => /\.md$|^action\.yml$|^eslint\.config\.js$/.test(n))
]

/** Section numbers of the document's headings (`## 4. …`, `### 4.2 …`). */
const SECTIONS = new Set(
  [...docText.matchAll(/^#{2,3} (\d+(?:\.\d+)?)\.? /gm)].map((m) => m[1] ?? '')
)
/** Row numbers of the table of section 2.2. */
const ROWS_2_2 = (() => {
  const start = docText.indexOf('### 2.2 ')
  const body = docText.slice(start, docText.indexOf('\n### ', start + 1))
  return [...body.matchAll(/^\| (\d+) +\|/gm)].map((m) => Number(m[1]))
})()

/** Every cited section number (`N`, `N.M`, and the far end of a range `N.M–N.K`) in a text. */
function cited(text: string): string[] {
  return [
    ...text.matchAll(new RegExp(`${S}(\\d+(?:\\.\\d+)?)(?:–(\\d+(?:\\.\\d+)?))?`, 'g'))
  ].flatMap((m) => [m[1], m[2]].filter((x): x is string => x !== undefined))
}

describe('citations', () => {
  it('finds the files it checks', () => {
    expect(CHECKED).toContain('src/core/classify.ts')
    expect(CHECKED.length).toBeGreaterThan(100)
  })

  it('no file cites a document outside the repository', () => {
    // Built from pieces so this file does not match itself.
    const absent = [
      ['oc', 'reference'].join('-'),
      ['anchors', 'md'].join('.'),
      ['anchors', S].join(' '),
      ['anchors', 'appendix'].join(' '),
      ['shared', 'reference'].join('/')
    ]
    const hits = CHECKED.flatMap((f) => {
      const text = readFileSync(join(ROOT, f), 'utf8')
      return absent.filter((a) => text.includes(a)).map((a) => `${f}: ${a}`)
    })
    expect(hits).toEqual([])
  })

  it(`every section sign outside ${DOC} names ${DOC} on its line and an existing section`, () => {
    const bad: string[] = []
    let count = 0
    for (const f of CHECKED.filter((f) => f !== DOC)) {
      readFileSync(join(ROOT, f), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (!line.includes(S)) return
          const at = `${f}:${i + 1}`
          const after = line.indexOf(DOC)
          if (after < 0 || line.indexOf(S) < after)
            return void bad.push(`${at}: citation without ${DOC}`)
          for (const s of cited(line)) {
            count++
            if (!SECTIONS.has(s)) bad.push(`${at}: no section ${s}`)
          }
          for (const m of line.matchAll(new RegExp(`${S}2\\.2 rows? (\\d+)(?:–(\\d+))?`, 'g'))) {
            for (const r of [m[1], m[2]].filter((x) => x !== undefined).map(Number)) {
              if (!ROWS_2_2.includes(r)) bad.push(`${at}: 2.2 has no row ${r}`)
            }
          }
        })
    }
    expect(bad).toEqual([])
    expect(count).toBeGreaterThan(40)
  })

  it(`${DOC}: numbered sections, internal references and the rows of 2.2 hold together`, () => {
    expect([...SECTIONS]).toEqual(expect.arrayContaining(['0', '1', '1.4', '2.2', '4.5', '8', '9']))
    expect(ROWS_2_2).toEqual(Array.from({ length: ROWS_2_2.length }, (_, i) => i + 1))
    expect(ROWS_2_2.length).toBe(38)
    const missing = cited(docText).filter((s) => !SECTIONS.has(s))
    expect(missing).toEqual([])
  })

  it(`${DOC} links only to oc's public sources at a release branch, each link defined and used`, () => {
    const defs = new Map(
      [...docText.matchAll(/^\[([\w-]+)\]: (\S+)$/gm)].map((m) => [m[1] ?? '', m[2] ?? ''])
    )
    const used = new Set([...docText.matchAll(/\]\[([\w-]+)\]/g)].map((m) => m[1] ?? ''))
    expect(defs.size).toBeGreaterThan(20)
    expect([...used].filter((u) => !defs.has(u))).toEqual([])
    expect([...defs.keys()].filter((d) => !used.has(d))).toEqual([])
    const urls = [
      ...defs.values(),
      ...[...docText.matchAll(/\]\((https?:[^)]+)\)/g)].map((m) => m[1])
    ]
    const foreign = urls.filter(
      (u) =>
        u !== 'https://github.com/openshift/oc' &&
        !/^https:\/\/github\.com\/openshift\/oc\/blob\/release-4\.\d+\/[\w./-]+\.go(?:#L\d+(?:-L\d+)?)?$/.test(
          u ?? ''
        )
    )
    expect(foreign).toEqual([])
    // Every file under test/ or src/ the document names exists.
    const named = [...docText.matchAll(/`((?:src|test)\/[\w./-]+\.(?:ts|mjs))`/g)].map((m) => m[1])
    for (const n of named) expect(() => readFileSync(join(ROOT, n ?? ''))).not.toThrow()
    expect(relative(ROOT, join(ROOT, DOC))).toBe(DOC)
  })
})
