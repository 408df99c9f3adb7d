// What a user sees of a mirror run besides annotations: each attempt folded into a log group,
// the retry decisions in the debug log, and a job summary that says where the retry mapping is.
import { describe, expect, it } from 'vitest'
import { run } from '../../src/main.js'
import { renderGfm, tableAfter, visibleText } from '../support/gfm.js'
import { actionEnvPerTest, captureStdout } from './harness.js'

const setup = actionEnvPerTest()

const BASE = {
  'filter-by-os': '.*',
  insecure: 'true',
  'skip-multiple-scopes': 'true',
  'retry-delay': '0',
  upload: 'false'
}

describe('log groups and debug decisions', () => {
  it('folds each attempt into a group around its stop-commands block and explains the retry', async () => {
    const e = setup([{ case: '4.12/429-json-blob-reg' }, { case: '4.12/clean-reg' }])
    const mapping = e.mappingFrom('4.12/429-json-blob-reg')
    e.stub({ ...BASE, mapping, 'max-per-registry': '6', verify: 'off' })
    const stdout = captureStdout()
    await run()
    const lines = stdout().split('\n')

    const groups = lines.filter((l) => l.startsWith('::group::'))
    expect(groups).toEqual([
      '::group::oc attempt 1 of 3: 5 mapping entries',
      '::group::oc attempt 2 of 3: 1 mapping entry'
    ])
    // Each group: ::group::, then the block opens, oc's lines, the block closes, ::endgroup::.
    for (const g of groups) {
      const at = lines.indexOf(g)
      const token = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[at + 1] ?? '')?.[1]
      expect(token).toBeDefined()
      const close = lines.indexOf(`::${token}::`, at)
      expect(close).toBeGreaterThan(at + 2)
      expect(lines[close + 1]).toBe('::endgroup::')
    }
    // The failing attempt's error is inside the first group.
    const err = lines.findIndex((l) => l.includes('error: unable to open source layer'))
    expect(err).toBeGreaterThan(lines.indexOf(groups[0]))
    expect(err).toBeLessThan(lines.indexOf('::endgroup::'))

    const debug = lines.filter((l) => l.startsWith('::debug::')).join('\n')
    expect(debug).toContain('attempt 1 of 3: 5 mapping entries, --max-per-registry 6')
    expect(debug).toContain('attempt 2 of 3: retrying 1 line (rate-limit ×1, dependency ×1)')
    expect(debug).toMatch(/delay 0\.0s: retry-delay 0s/)
    expect(debug).toContain('without --force: force-on-retry is auto')
    expect(debug).toContain('--max-per-registry 1: a rate limit was seen')
    expect(debug).toContain('no further attempt: every line is mirrored')
  })
})

describe('mirror job summary', () => {
  it('says where the retry mapping is, and GFM shows no backslash', async () => {
    const e = setup([{ case: '4.12/401-manifest-file' }])
    const mapping = e.mappingFrom('4.12/401-manifest-file')
    e.stub({ ...BASE, mapping, dir: 'mirror', verify: 'off', 'on-failure': 'warn' })
    captureStdout()
    await run()
    const out = e.outputs()
    expect(out['outcome']).toBe('partial')
    const html = renderGfm(e.summary())
    const text = visibleText(html)
    expect(text).not.toMatch(/\\[-.!_*#()[\]`+=~^$:]/)
    expect(html).toContain('<h3>Retry mapping</h3>')
    // upload: false, so no artifact: the summary names the file and the output instead.
    expect(text).toContain(`The 1 mapping line not mirrored are in ${out['retry-mapping']}`)
    expect(text).toContain('it was not uploaded')
    expect(html.indexOf('<h3>Retry mapping</h3>')).toBeGreaterThan(
      html.indexOf('<h3>Mapping lines</h3>')
    )
    // oc printed its phase table: the timing columns are there.
    const head = tableAfter(html, 'Attempts')[0]
    expect(head).toContain('Exit code')
  })

  it('summary: false writes none; outputs and annotations stay', async () => {
    const e = setup([{ case: '4.12/401-manifest-file' }])
    const mapping = e.mappingFrom('4.12/401-manifest-file')
    e.stub({ ...BASE, mapping, dir: 'mirror', verify: 'off', summary: 'false' })
    const stdout = captureStdout()
    await run()
    expect(e.summary()).toBe('')
    expect(e.outputs()['outcome']).toBe('partial')
    expect(stdout()).toMatch(/^::error .*file=mapping\.txt,line=1/m)
  })
})
