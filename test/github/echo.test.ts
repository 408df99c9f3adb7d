import { afterEach, describe, expect, it, vi } from 'vitest'
import { SafeEcho } from '../../src/github/echo.js'
import { HOSTILE } from './hostile.js'

function capture(): { echo: SafeEcho; out: () => string } {
  const chunks: string[] = []
  return { echo: new SafeEcho((s) => chunks.push(s)), out: () => chunks.join('') }
}

describe('SafeEcho', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('puts hostile lines only between stop-commands markers with a fresh 32-hex token', () => {
    const { echo, out } = capture()
    echo.begin()
    for (const h of HOSTILE) echo.line(h)
    echo.end()
    const lines = out().split('\n')
    expect(lines.at(-1)).toBe('')
    lines.pop()
    const start = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[0] ?? '')
    expect(start).not.toBeNull()
    const token = start?.[1] ?? ''
    expect(lines.at(-1)).toBe(`::${token}::`)
    const inner = lines.slice(1, -1)
    // The token never appears inside the block.
    for (const l of inner) expect(l).not.toContain(token)
    // No ANSI escape, CR or other control character survives inside a line.
    // eslint-disable-next-line no-control-regex
    for (const l of inner) expect(l).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028]/)
    expect(inner).toContain('red::error::after ansi')
    expect(inner).toContain('##[add-matcher]/tmp/evil.json')
    // Embedded newlines become separate lines, still inside the block.
    expect(inner).toContain('::set-output name=x::y')
    expect(inner).toContain('::warning file=a,line=1::injected')
  })

  it('uses a new token for every block', () => {
    const { echo, out } = capture()
    for (let i = 0; i < 20; i++) {
      echo.begin()
      echo.line(`line ${i}`)
      echo.end()
    }
    const tokens = [...out().matchAll(/^::stop-commands::([0-9a-f]{32})$/gm)].map((m) => m[1])
    expect(tokens).toHaveLength(20)
    expect(new Set(tokens).size).toBe(20)
    for (const t of tokens) expect(out()).toContain(`\n::${t}::\n`)
  })

  it('opens a block on the first line, is idempotent, and redacts a guessed token', () => {
    const { echo, out } = capture()
    echo.line('first')
    echo.begin()
    const token = /::stop-commands::([0-9a-f]{32})/.exec(out())?.[1] ?? ''
    echo.line(`::${token}::`)
    echo.line('::error::still inert')
    echo.end()
    echo.end()
    const lines = out().trimEnd().split('\n')
    expect(lines).toEqual([
      `::stop-commands::${token}`,
      'first',
      '::[redacted]::',
      '::error::still inert',
      `::${token}::`
    ])
  })

  it('writes to process.stdout by default', () => {
    const chunks: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString())
      return true
    })
    const echo = new SafeEcho()
    echo.line('::error::x')
    echo.end()
    const text = chunks.join('')
    expect(text).toMatch(/^::stop-commands::[0-9a-f]{32}\n::error::x\n::[0-9a-f]{32}::\n$/)
  })
})

describe('SafeEcho log groups', () => {
  it('opens each group outside the stop-commands block and closes the block before the group', () => {
    const chunks: string[] = []
    const echo = new SafeEcho((s) => chunks.push(s))
    echo.group('oc attempt 1 of 3: 5 mapping entries')
    echo.line('::endgroup::')
    echo.line('error: x')
    echo.group('oc attempt 2 of 3: 1 mapping entry 100%')
    echo.line('y')
    echo.endGroup()
    echo.endGroup()
    const lines = chunks.join('').split('\n').slice(0, -1)
    const tokens = lines
      .map((l) => /^::stop-commands::([0-9a-f]{32})$/.exec(l)?.[1])
      .filter((t) => t !== undefined)
    expect(tokens).toHaveLength(2)
    expect(lines).toEqual([
      '::group::oc attempt 1 of 3: 5 mapping entries',
      `::stop-commands::${tokens[0]}`,
      '::endgroup::',
      'error: x',
      `::${tokens[0]}::`,
      '::endgroup::',
      '::group::oc attempt 2 of 3: 1 mapping entry 100%25',
      `::stop-commands::${tokens[1]}`,
      'y',
      `::${tokens[1]}::`,
      '::endgroup::'
    ])
  })
})
