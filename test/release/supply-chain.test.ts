// Static checks of what the repository publishes about itself: workflows pin third-party
// actions by commit SHA, Dependabot watches npm and GitHub Actions, the release workflow does
// its checks before publishing, and action.yml's Marketplace metadata is valid.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '..', '..')
const WORKFLOWS = join(ROOT, '.github', 'workflows')
const read = (...p: string[]): string => readFileSync(join(ROOT, ...p), 'utf8')

const workflowFiles = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f))

interface Uses {
  file: string
  line: number
  target: string
  comment: string
}

/** Every `uses:` key (a step's or a reusable workflow's), not mentions inside comments. */
function usesOf(file: string): Uses[] {
  const out: Uses[] = []
  read('.github', 'workflows', file)
    .split('\n')
    .forEach((text, i) => {
      const m = /^\s*(?:-\s+)?uses:\s*(['"]?)([^\s'"#]+)\1\s*(?:#\s*(.*))?$/.exec(text)
      if (m) out.push({ file, line: i + 1, target: m[2] ?? '', comment: (m[3] ?? '').trim() })
    })
  return out
}

/** The text of every `run:` script (inline or block scalar) of a workflow. */
function runScripts(yml: string): string[] {
  const lines = yml.split('\n')
  const out: string[] = []
  lines.forEach((line, i) => {
    const m = /^(\s*)(?:-\s+)?run:\s*(.*)$/.exec(line)
    if (!m) return
    if (!/^[|>]/.test(m[2] ?? '')) return void out.push(m[2] ?? '')
    const indent = (m[1] ?? '').length
    const body: string[] = []
    for (const next of lines.slice(i + 1)) {
      if (next.trim() !== '' && next.length - next.trimStart().length <= indent) break
      body.push(next)
    }
    out.push(body.join('\n'))
  })
  return out
}

/** Problems of one `uses:`; empty when it is local or pinned to a full SHA with a version. */
function pinProblem(u: Uses): string | undefined {
  if (u.target.startsWith('./')) return undefined
  const where = `${u.file}:${u.line} uses ${u.target}`
  const m = /^[\w.-]+\/[\w./-]+@(.+)$/.exec(u.target)
  if (!m) return `${where}: not owner/repo@ref`
  if (!/^[0-9a-f]{40}$/.test(m[1] ?? '')) return `${where}: not pinned to a 40-hex commit SHA`
  if (!/^v\d+(\.\d+)*\b/.test(u.comment)) return `${where}: no "# vX.Y.Z" version comment`
  return undefined
}

describe('workflows', () => {
  it('exist: ci, release, codeql', () => {
    expect(workflowFiles).toEqual(expect.arrayContaining(['ci.yml', 'release.yml', 'codeql.yml']))
  })

  it('pin every third-party action by full commit SHA with a version comment', () => {
    const all = workflowFiles.flatMap(usesOf)
    expect(all.filter((u) => !u.target.startsWith('./')).length).toBeGreaterThan(0)
    expect(all.map(pinProblem).filter(Boolean)).toEqual([])
  })

  it('the pin check itself rejects tags, short SHAs and missing comments', () => {
    const u = (target: string, comment = 'v1.2.3'): Uses => ({
      file: 'x.yml',
      line: 1,
      target,
      comment
    })
    const sha = 'a'.repeat(40)
    expect(pinProblem(u('./'))).toBeUndefined()
    expect(pinProblem(u(`actions/checkout@${sha}`))).toBeUndefined()
    expect(pinProblem(u(`github/codeql-action/init@${sha}`))).toBeUndefined()
    expect(pinProblem(u('actions/checkout@v6'))).toMatch(/40-hex/)
    expect(pinProblem(u('actions/checkout@8e8c483'))).toMatch(/40-hex/)
    expect(pinProblem(u(`actions/checkout@${sha}`, ''))).toMatch(/version comment/)
    expect(pinProblem(u('docker://alpine'))).toMatch(/owner\/repo/)
  })

  it('declare permissions (least privilege by default)', () => {
    for (const f of workflowFiles) {
      expect(read('.github', 'workflows', f), f).toMatch(/^permissions:/m)
    }
  })

  it.each(workflowFiles)('%s: values reach run scripts through env, never by ${{ }}', (file) => {
    const scripts = runScripts(read('.github', 'workflows', file))
    expect(scripts.filter((s) => s.includes('${{'))).toEqual([])
  })

  it('ci runs npm audit', () => {
    expect(read('.github', 'workflows', 'ci.yml')).toMatch(/npm audit --audit-level=high/)
  })

  it('release: on version tags, checks before publishing, notes from CHANGELOG, moves vN', () => {
    const yml = read('.github', 'workflows', 'release.yml')
    expect(yml).toMatch(/tags:\s*\n\s*- 'v\[0-9\]\+/)
    const order = [
      'does not match package.json version',
      'npm run build',
      'git status --porcelain -- dist',
      'bash .ci/run',
      'scripts/release-notes.mjs "$GITHUB_REF_NAME" > "$RUNNER_TEMP/notes.md"',
      'gh release create',
      'git push --force origin "refs/tags/$major"'
    ].map((s) => yml.indexOf(s))
    expect(order.every((i) => i >= 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    expect(yml).toMatch(/needs: check/)
    // Only the publishing job may write.
    expect(yml.match(/contents: write/g)).toHaveLength(1)
    // Tag names and other values reach scripts through env, never by ${{ }} inside `run:`.
    const scripts = runScripts(yml)
    expect(scripts.some((s) => s.includes('gh release create'))).toBe(true)
    expect(scripts.filter((s) => s.includes('${{'))).toEqual([])
  })

  it('codeql analyses the TypeScript and the workflows', () => {
    const yml = read('.github', 'workflows', 'codeql.yml')
    expect(yml).toMatch(/javascript-typescript/)
    expect(yml).toMatch(/github\/codeql-action\/init@/)
    expect(yml).toMatch(/github\/codeql-action\/analyze@/)
    expect(yml).toMatch(/security-events: write/)
  })
})

describe('dependabot', () => {
  const yml = read('.github', 'dependabot.yml')
  const ecosystems = [...yml.matchAll(/package-ecosystem:\s*['"]?([\w-]+)/g)].map((m) => m[1])

  it('covers npm and github-actions, weekly', () => {
    expect(ecosystems.sort()).toEqual(['github-actions', 'npm'])
    expect(yml.match(/interval: weekly/g)).toHaveLength(2)
  })

  it('groups the @actions toolkit apart from the dev tooling', () => {
    expect(yml).toMatch(/actions-toolkit:\s*\n\s*patterns:\s*\n\s*- '@actions\/\*'/)
    expect(yml).toMatch(/dev-tooling:/)
  })
})

describe('action.yml Marketplace metadata', () => {
  const yml = read('action.yml')
  const top = (key: string): string | undefined =>
    new RegExp(`^${key}:\\s*(.*)$`, 'm').exec(yml)?.[1]

  it('has a name, an author and a short description', () => {
    expect(top('name')).toMatch(/\S/)
    expect(top('author')).toMatch(/\S/)
    const block = /^description: >-\n((?: {2}.*\n)+)/m.exec(yml)?.[1] ?? top('description') ?? ''
    const description = block.replace(/\s+/g, ' ').trim()
    expect(description.length).toBeGreaterThan(20)
    // The Marketplace shows at most 125 characters.
    expect(description.length).toBeLessThanOrEqual(125)
  })

  it('has branding with a colour GitHub accepts', () => {
    const branding = /^branding:\n {2}icon: (\S+)\n {2}color: (\S+)$/m.exec(yml)
    expect(branding?.[1]).toMatch(/^[a-z-]+$/)
    expect([
      'white',
      'black',
      'yellow',
      'blue',
      'green',
      'orange',
      'red',
      'purple',
      'gray-dark'
    ]).toContain(branding?.[2])
  })
})

describe('license', () => {
  it('is Apache-2.0 in LICENSE and package.json', () => {
    expect(read('LICENSE')).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/)
    expect(read('LICENSE')).toContain('END OF TERMS AND CONDITIONS')
    expect((JSON.parse(read('package.json')) as { license: string }).license).toBe('Apache-2.0')
    expect(read('README.md')).toMatch(/\[Apache License 2\.0\]\(LICENSE\)/)
  })
})
