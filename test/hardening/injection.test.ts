// Workflow-command injection through the real entry point: hostile text in registry error
// bodies (rendered into their error lines by real skopeo and by every real oc client found,
// 4.13 and 4.14 in CI) and in mapping lines must reach the runner only as text. stdout is read
// exactly as the runner reads it (test/support/runner-commands.ts).
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actionBundle, runBundle, Workspace } from '../support/action-bundle.js'
import { startBed, type Bed } from '../support/bed.js'
import { activeLines, manifestPath, readReport } from '../support/e2e-checks.js'
import { engineCases, engineInputs } from '../support/engines.js'
import type { FaultRule } from '../support/fault-proxy.js'
import { assertInertSummary, assertOnlyOwnCommands, HOSTILE } from '../support/untrusted-output.js'

// The last line would be a mapping line if it ever reached the retry mapping outside a comment.
const INJECTED_LINE = 'quay.example/evil/image:v1 quay.example/victim/image:v1'
const MESSAGE = `pwned-body ${HOSTILE.join('\n')}\n${INJECTED_LINE}`

/** A registry error body (distribution's JSON) whose message and detail carry the payloads. */
function hostileReply(status: number, code: string): FaultRule['action'] {
  return {
    status,
    headers: { 'content-type': 'application/json', 'retry-after': '0' },
    body: JSON.stringify({ errors: [{ code, message: MESSAGE, detail: HOSTILE.join(' ') }] })
  }
}

let bed: Bed
let bundle: string
const workspaces: Workspace[] = []

beforeAll(async () => {
  bundle = await actionBundle()
  bed = await startBed({
    images: ['inj/denied', 'inj/unknown', 'inj/limited', 'inj/ok'].map((repo, i) => ({
      repo,
      tag: 'v1',
      layers: [{ seed: 73_000 + i, size: 3_000 }]
    }))
  })
  bed.proxy.setRules([
    {
      name: 'denied',
      path: manifestPath('inj/denied'),
      always: true,
      action: hostileReply(403, 'DENIED')
    },
    {
      name: 'unknown',
      path: manifestPath('inj/unknown'),
      always: true,
      action: hostileReply(404, 'NAME_UNKNOWN')
    },
    {
      name: 'limited',
      path: manifestPath('inj/limited'),
      always: true,
      action: hostileReply(429, 'TOOMANYREQUESTS')
    }
  ])
})

afterAll(async () => {
  await bed?.stop()
  for (const w of workspaces) w.cleanup()
})

function workspace(): Workspace {
  const w = new Workspace('mg-inject-')
  workspaces.push(w)
  return w
}

const ENGINES = engineCases('the injection scenario with oc')

describe('hostile registry error bodies and mapping text', () => {
  it.each(ENGINES)(
    'mirror ($label): error bodies and mapping comments/tokens reach the runner only as text',
    async (c) => {
      const S = bed.sourceHost
      const D = `${bed.destination.host}/e${c.index}`
      const w = workspace()
      const mapping = [
        // A comment ends at the line break, so the CR/LF payload is written without its break.
        `# ${HOSTILE.map((h) => h.replace(/[\r\n]/g, '')).join(' ')}`,
        `${S}/inj/denied:v1 ${D}/inj/denied:v1`,
        `${S}/inj/unknown:v1 ${D}/inj/unknown:v1 # ::error::pwned-comment`,
        `${S}/inj/limited:v1 ${D}/inj/limited:v1`,
        // oc ignores a token after SRC=DST: a warning quotes it.
        `${S}/inj/ok:v1=${D}/inj/ok:v1 ::add-mask::pwned-token`
      ].join('\n')
      w.write('mapping.txt', mapping + '\n')
      const run = await runBundle(
        bundle,
        w.env({
          mapping: 'mapping.txt',
          ...engineInputs(c),
          insecure: 'true',
          'filter-by-os': '.*',
          'max-attempts': '2',
          'retry-delay': '0',
          upload: 'false'
        })
      )
      expect(run.code, run.stderr).toBe(1)
      // The payloads did reach the output (inside the echo block): the test is not vacuous.
      expect(run.stdout).toContain('pwned-body')
      expect(run.stdout).toContain('##[add-matcher]x.json')
      const annotations = assertOnlyOwnCommands(run.stdout)

      // Annotations come from parsed fields: on the right lines, with the class as title, and
      // never a raw tool line (skopeo's logrus wrapper) as their message. oc answers the refused
      // HEAD of each tag with a GET of it; the body of that GET is what it prints.
      const errors = annotations.filter((a) => a.name === 'error')
      expect(
        errors.map((a) => [a.props['file'], a.props['line'], a.props['title']]).sort()
      ).toEqual([
        ['mapping.txt', '2', 'auth'],
        ['mapping.txt', '3', 'not-found'],
        ['mapping.txt', '4', 'rate-limit']
      ])
      for (const a of annotations) {
        expect(a.data).not.toMatch(/level=fatal|time="/)
        expect(a.data).not.toMatch(/[\r\n]/)
      }
      const warned = annotations.filter((a) => a.name === 'warning' && a.props['line'] === '5')
      expect(warned.length).toBeGreaterThan(0)

      const summary = w.summary()
      expect(summary).toContain('pwned')
      assertInertSummary(summary)

      // The report keeps the text (escaped as JSON), attributed to the right lines.
      const report = readReport(w.outputs()['report'])
      expect(report.lines.map((l) => [l.line, l.status, l.classes])).toEqual([
        [2, 'failed', ['auth']],
        [3, 'failed', ['not-found']],
        [4, 'failed', ['rate-limit']],
        [5, 'mirrored', []]
      ])
      expect(readFileSync(w.outputs()['log'], 'utf8')).toContain('pwned-body')

      // The retry mapping (fed to a later job with retry-from) holds exactly the failed lines:
      // the reasons sit in comments, and no line of an error body becomes a mapping line.
      const retry = readFileSync(w.outputs()['retry-mapping'], 'utf8')
      expect(retry).toContain('pwned')
      expect(activeLines(retry)).toEqual(activeLines(mapping).slice(0, 3))
      expect(activeLines(retry).join('\n')).not.toContain(INJECTED_LINE)
    }
  )

  it('validate: invalid mapping lines echoed in findings reach the runner only as text', async () => {
    const w = workspace()
    w.write(
      'mapping.txt',
      [
        '::error::pwned ::add-mask::x',
        '##[add-matcher]x.json ::set-output name=a::b',
        '%0A::error::x ::stop-commands::x',
        'registry.example/a:v1\r::warning::cr registry.example/b:v1',
        'registry.example/a:v1 \u001b[31mred::error::ansi',
        'registry.example/c:v1=registry.example/d:v1 ##[error]x ::notice::y'
      ].join('\n') + '\n'
    )
    const run = await runBundle(
      bundle,
      w.env({ mapping: 'mapping.txt', mode: 'validate', 'filter-by-os': '.*' })
    )
    expect(run.code, run.stderr).toBe(1)
    const annotations = assertOnlyOwnCommands(run.stdout)
    const lines = new Set(annotations.map((a) => a.props['line']))
    for (const n of ['1', '3', '4', '5']) expect(lines).toContain(n)
    // The hostile text is in the findings (escaped), not dropped.
    expect(annotations.some((a) => a.data.includes('::error::pwned'))).toBe(true)
    assertInertSummary(w.summary())
  })

  it('the runner model itself catches each payload when printed raw', () => {
    // Guards the guard: if the helper missed these, the tests above would prove nothing.
    for (const payload of ['::error::pwned', '::add-mask::x', '##[add-matcher]x.json']) {
      expect(() => assertOnlyOwnCommands(`ok\n${payload}\n`)).toThrow()
    }
    expect(() => assertOnlyOwnCommands('text %0A then\r::warning::x\n')).toThrow()
    expect(() => assertOnlyOwnCommands('::stop-commands::x\n::error::y\n')).toThrow()
    const token = 'a'.repeat(32)
    expect(
      assertOnlyOwnCommands(`::stop-commands::${token}\n::add-mask::x\n##[error]y\n::${token}::\n`)
    ).toEqual([])
  })
})
