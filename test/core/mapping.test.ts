import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import {
  effectiveDestination,
  goTrimSpace,
  parseMappings,
  parseMappingText,
  renderEntries
} from '../../src/core/mapping.js'
import { loadMappingFiles } from '../../src/core/mapping-files.js'
import type { MappingFinding, MappingSet } from '../../src/core/types.js'

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'mappings')
const D64 = 'sha256:5c6feb0694f3760a8dcbf8a835ee9e1f4ba60680e2725b59d67b4d41e3f7c9d6'
const ONE_TOKEN =
  'all arguments must be valid SRC=DST mappings, or you must specify one SRC argument and one or more DST arguments'

// Typed wrappers: vitest's asymmetric matchers are `any`.
function textMatching(pattern: RegExp): string {
  return expect.stringMatching(pattern) as string
}

function textContaining(part: string): string {
  return expect.stringContaining(part) as string
}

function parse(text: string, file = 'm.txt'): MappingSet {
  return parseMappingText(text, file)
}

function errors(set: MappingSet): MappingFinding[] {
  return set.findings.filter((f) => f.severity === 'error')
}

function warnings(set: MappingSet): MappingFinding[] {
  return set.findings.filter((f) => f.severity === 'warning')
}

/** How oc's CheckErr prints a mapping error. */
function ocLine(f: MappingFinding): string {
  return f.line > 0 ? `error: file ${f.file}, line ${f.line}: ${f.message}` : `error: ${f.message}`
}

function pairs(set: MappingSet): string[] {
  return set.entries.map((e) => `${e.line}:${e.source.raw}->${effectiveDestination(e)}`)
}

describe('file grammar (docs/oc-behaviour.md §4.1)', () => {
  it('counts every physical line, comments and blank lines included', () => {
    const set = parse(
      [
        '# header',
        '',
        'q.io/ns/a:v1=file://ns/a:v1',
        '   ',
        '\t# indented comment',
        'q.io/ns/b:v1=file://ns/b:v1'
      ].join('\n')
    )
    expect(set.findings).toEqual([])
    expect(pairs(set)).toEqual(['3:q.io/ns/a:v1->file://ns/a:v1', '6:q.io/ns/b:v1->file://ns/b:v1'])
    expect(set.entries.map((e) => e.id)).toEqual([0, 1])
  })

  it('cuts at the first # anywhere, including inside a token', () => {
    const set = parse('q.io/ns/a:v1=file://ns/a:v1 # mirror alpha\nq.io/ns/b:v1=file://ns/b:v1#x=y')
    expect(set.findings).toEqual([])
    expect(pairs(set)).toEqual(['1:q.io/ns/a:v1->file://ns/a:v1', '2:q.io/ns/b:v1->file://ns/b:v1'])
  })

  it('accepts CRLF and keeps the line text without its terminator', () => {
    const set = parse('q.io/ns/a:v1=file://ns/a:v1\r\n\r\nq.io/ns/b:v1 file://ns/b\r\n')
    expect(set.findings).toEqual([])
    expect(pairs(set)).toEqual(['1:q.io/ns/a:v1->file://ns/a:v1', '3:q.io/ns/b:v1->file://ns/b:v1'])
    expect(set.entries[0]?.text).toBe('q.io/ns/a:v1=file://ns/a:v1')
  })

  it('keeps the verbatim text, comments and indentation included', () => {
    const set = parse('  q.io/ns/a:v1=file://ns/a:v1  # note')
    expect(set.entries[0]?.text).toBe('  q.io/ns/a:v1=file://ns/a:v1  # note')
  })

  it('trims like strings.TrimSpace (tabs, \\v, \\f, NEL, NBSP) but not a BOM', () => {
    expect(goTrimSpace('\t\v\f\r \u0085\u00a0x\u3000')).toBe('x')
    expect(goTrimSpace('\ufeffx')).toBe('\ufeffx')
    const set = parse('\t\u00a0q.io/ns/a:v1=file://ns/a:v1\u2003\v')
    expect(set.findings).toEqual([])
    expect(set.entries).toHaveLength(1)
  })

  it('reports a tab between tokens as oc does, with the reason', () => {
    const set = parse('# comment\n\nq.io/ns/a:v1\tfile://ns/a:v1')
    expect(set.entries).toEqual([])
    expect(errors(set)).toHaveLength(1)
    const [f] = errors(set)
    expect(f).toMatchObject({ line: 3, code: 'tab-separator' })
    expect(f?.message.startsWith(ONE_TOKEN)).toBe(true)
    expect(f?.message).toContain('tab')
  })

  it('reports a tab after a SRC=DST pair through the invalid reference it creates', () => {
    const set = parse('q.io/ns/a:v1=file://ns/a:v1\tfile://ns/b:v1')
    const [f] = errors(set)
    expect(f?.code).toBe('tab-separator')
    expect(f?.message).toMatch(
      /^"ns\/a:v1\\tfile:\/\/ns\/b:v1" is not a valid image reference: invalid reference format \(.*tab/
    )
    expect(set.entries).toEqual([])
  })

  it('reports a BOM with the message oc prints', () => {
    const set = parse('\ufeff127.0.0.1:5000/ns/alpha:v1=file://ns/alpha:v1\n')
    const [f] = errors(set)
    expect(f).toMatchObject({ line: 1, code: 'bom' })
    expect(f?.message).toMatch(
      /^"\\ufeff127\.0\.0\.1:5000\/ns\/alpha:v1" is not a valid image reference: invalid reference format \(/
    )
  })

  it('reports a BOM before a comment: oc reads the BOM as a lone token', () => {
    const set = parse('\ufeff# mirror list\nq.io/ns/a:v1=file://ns/a:v1')
    expect(errors(set)).toEqual([
      expect.objectContaining({
        line: 1,
        code: 'bom',
        message: textMatching(/^all arguments/)
      })
    ])
  })

  it('warns about a BOM oc ignores as an extra token', () => {
    const set = parse('\ufeff q.io/ns/a:v1=file://ns/a:v1')
    expect(errors(set)).toEqual([])
    expect(warnings(set).map((w) => w.code)).toContain('bom')
    expect(set.entries).toHaveLength(1)
  })

  it('reports old Mac (CR-only) line endings: the file is one line for oc', () => {
    const set = parse('q.io/ns/a:v1=file://ns/a:v1\rq.io/ns/b:v1=file://ns/b:v1\r')
    expect(errors(set)[0]).toMatchObject({ line: 1, code: 'whitespace-separator' })
  })

  it("stops with oc's scanner error at a line of 64 KiB", () => {
    const ok = `q.io/ns/a:v1=file://ns/a:v1 #${'x'.repeat(65535 - 29)}`
    expect(Buffer.byteLength(ok)).toBe(65535)
    expect(parse(`${ok}\n`).findings).toEqual([])
    const long = `${ok}x`
    const set = parse(`q.io/ns/a:v1=file://ns/a:v1\n${long}\nq.io/ns/b:v1=file://ns/b:v1`)
    expect(errors(set)).toEqual([
      expect.objectContaining({
        line: 2,
        code: 'line-too-long',
        message: textMatching(/^bufio\.Scanner: token too long/)
      })
    ])
    // oc stops reading there.
    expect(pairs(set)).toEqual(['1:q.io/ns/a:v1->file://ns/a:v1'])
  })

  it('counts bytes, not characters, for the scanner limit', () => {
    const line = `#${'é'.repeat(32768)}` // 65537 bytes, 32769 characters
    expect(errors(parse(line))[0]?.code).toBe('line-too-long')
  })

  it('handles a 10 MB line without scanning it token by token', () => {
    const huge = `q.io/ns/a:v1=${'a'.repeat(10 * 1024 * 1024)}`
    const set = parse(`${huge}\nq.io/ns/b:v1=file://ns/b:v1`)
    expect(errors(set).map((f) => f.code)).toEqual(['line-too-long'])
    expect(set.findings.every((f) => f.message.length < 1000)).toBe(true)
  })
})

describe('line grammar (docs/oc-behaviour.md §4.2)', () => {
  it('splits SRC=DST at the first =: a=b=c is an invalid destination', () => {
    const set = parse('q.io/ns/a:v1=file://ns/a:v1=x')
    expect(errors(set)).toEqual([
      expect.objectContaining({
        code: 'invalid-reference',
        message: '"ns/a:v1=x" is not a valid image reference: invalid reference format'
      })
    ])
  })

  it('rejects an empty side', () => {
    for (const line of ['=file://ns/a:v1', 'q.io/ns/a:v1=', '=']) {
      const set = parse(line)
      expect(errors(set).map((f) => f.message)).toEqual([
        'all arguments must be valid SRC=DST mappings'
      ])
      expect(set.entries).toEqual([])
    }
    expect(errors(parse('=file://ns/a:v1'))[0]?.code).toBe('missing-source')
    expect(errors(parse('q.io/ns/a:v1='))[0]?.code).toBe('missing-destination')
  })

  it('checks empty sides before parsing any reference (oc order)', () => {
    const set = parse('q.io/ns/A:v1=file://ns/a:v1 q.io/ns/b:v1=')
    expect(errors(set).map((f) => f.message)).toEqual([
      'all arguments must be valid SRC=DST mappings'
    ])
  })

  it('rejects a lone token', () => {
    const set = parse('q.io/ns/a:v1')
    expect(errors(set)).toEqual([
      expect.objectContaining({ line: 1, code: 'missing-destination', message: ONE_TOKEN })
    ])
  })

  it('accepts several pairs on one line', () => {
    const set = parse('q.io/ns/a:v1=file://ns/a:v1 q.io/ns/b:v1=file://ns/b:v1')
    expect(set.findings).toEqual([])
    expect(pairs(set)).toEqual(['1:q.io/ns/a:v1->file://ns/a:v1', '1:q.io/ns/b:v1->file://ns/b:v1'])
  })

  it('ignores tokens without = next to a pair, and warns', () => {
    const set = parse('q.io/ns/a:v1=file://ns/a:v1 file://ns/IGNORED:v1')
    expect(errors(set)).toEqual([])
    expect(pairs(set)).toEqual(['1:q.io/ns/a:v1->file://ns/a:v1'])
    expect(warnings(set)).toEqual([
      expect.objectContaining({
        code: 'ignored-token',
        message: textContaining('"file://ns/IGNORED:v1"')
      })
    ])
  })

  it('warns about a tab inside a token oc ignores (no failure, but a misread)', () => {
    const set = parse('q.io/ns/a:v1=file://ns/a:v1 q.io/ns/b:v1\tfile://ns/b:v1')
    expect(errors(set)).toEqual([])
    expect(pairs(set)).toEqual(['1:q.io/ns/a:v1->file://ns/a:v1'])
    expect(warnings(set)).toEqual([
      expect.objectContaining({ code: 'tab-separator', message: textContaining('a tab') })
    ])
  })

  it('fans out SRC DST1 DST2 and skips the empty tokens of double spaces', () => {
    const set = parse('q.io/ns/a:v1  file://ns/a   file://ns/b:v2')
    expect(errors(set)).toEqual([])
    expect(pairs(set)).toEqual(['1:q.io/ns/a:v1->file://ns/a:v1', '1:q.io/ns/a:v1->file://ns/b:v2'])
    expect(warnings(set).map((w) => w.code)).toEqual(['double-space'])
  })

  it('inherits the source tag on an untagged destination', () => {
    const [e] = parse('q.io/ns/a:v7=file://mirror/a').entries
    expect(e?.destinationTag).toBe('v7')
    expect(e?.destination.tag).toBe('v7')
    expect(e?.destination.raw).toBe('file://mirror/a')
    expect(effectiveDestination(e)).toBe('file://mirror/a:v7')
  })

  it('pushes a digest source to an untagged destination by digest only', () => {
    const [e] = parse(`q.io/ns/a@${D64}=file://ns/a`).entries
    expect(e?.destinationTag).toBeUndefined()
    expect(e?.destination.tag).toBeUndefined()
    expect(e?.source.digest).toBe(D64)
    expect(effectiveDestination(e)).toBe('file://ns/a')
  })

  it('inherits the tag of name:tag@digest', () => {
    const [e] = parse(`q.io/ns/a:v1@${D64}=file://ns/a`).entries
    expect(e?.destinationTag).toBe('v1')
  })

  it('rejects a digest on the destination with oc wording', () => {
    const set = parse(`q.io/ns/a:v1=file://ns/a@${D64}`)
    expect(errors(set)).toEqual([
      expect.objectContaining({
        code: 'digest-destination',
        message: 'you must specify a tag for DST or leave it blank to only push by digest'
      })
    ])
  })

  it('rejects an uppercase repository and accepts an uppercase registry host', () => {
    expect(errors(parse('q.io/NS/a:v1=file://ns/a:v1'))[0]?.message).toBe(
      '"q.io/NS/a:v1" is not a valid image reference: repository name must be lowercase'
    )
    const set = parse('Q.IO/ns/a:v1=file://ns/a:v1')
    expect(set.findings).toEqual([])
    expect(set.entries[0]?.source.registry).toBe('Q.IO')
  })

  it('rejects a bad digest length', () => {
    expect(errors(parse(`q.io/ns/a@sha256:${'a'.repeat(40)}=file://ns/a`))[0]?.message).toMatch(
      /is not a valid image reference: invalid checksum digest length$/
    )
  })

  it('parses file:///x as file://x', () => {
    const [e] = parse('q.io/ns/a:v1=file:///ns/a').entries
    expect(effectiveDestination(e)).toBe('file://ns/a:v1')
    expect(e?.destination.diskPath).toBe('ns/a')
  })

  it('keeps the registry component of file:// in printed, drops it on disk', () => {
    const [e] = parse('q.io/ns/a:v1=file://mirror.local/ns/a').entries
    expect(e?.destination.printed).toBe('file://mirror.local/ns/a')
    expect(e?.destination.diskPath).toBe('ns/a')
  })

  it('parses s3:// destinations', () => {
    const [e] = parse('q.io/ns/a:v1=s3://s3.amazonaws.com/us-east-1/bkt/ns/a').entries
    expect(e?.destination.kind).toBe('s3')
    expect(effectiveDestination(e)).toBe('s3://s3.amazonaws.com/us-east-1/bkt/ns/a:v1')
  })

  it('keeps wildcard and tag-less sources without inheriting a tag', () => {
    const set = parse(
      'q.io/ns/a:v1.*=file://ns/a\nq.io/ns/b=file://ns/b\nq.io/ns/c:4.*=file://ns/c:x'
    )
    expect(set.findings).toEqual([])
    const [w, t, c] = set.entries
    expect(w?.source.tag).toBe('v1.*')
    expect(w?.destinationTag).toBeUndefined()
    expect(t?.source.tag).toBeUndefined()
    expect(t?.destinationTag).toBeUndefined()
    expect(c?.destinationTag).toBe('x')
  })
})

describe('duplicate destinations', () => {
  it('rejects a destination seen before, after inheritance, with oc wording', () => {
    const set = parse('q.io/ns/a:v1=file://ns/a\nq.io/ns/b:v1=file://ns/a:v1')
    expect(errors(set)).toEqual([
      expect.objectContaining({
        line: 2,
        code: 'duplicate-destination',
        message: 'each destination tag may only be specified once: file://ns/a:v1'
      })
    ])
    expect(pairs(set)).toEqual(['1:q.io/ns/a:v1->file://ns/a:v1'])
  })

  it('compares as oc String(): file:///x equals file://x', () => {
    const set = parse('q.io/ns/a:v1=file:///ns/a:v1\nq.io/ns/b:v1=file://ns/a:v1')
    expect(errors(set)[0]?.message).toBe(
      'each destination tag may only be specified once: file://ns/a:v1'
    )
  })

  it('checks across files, ids running on', () => {
    const set = parseMappings([
      { file: 'one.txt', text: 'q.io/ns/a:v1=file://ns/a:v1\nq.io/ns/b:v1=file://ns/b:v1' },
      {
        file: 'two.txt',
        text: '# second\nq.io/ns/c:v1=file://ns/c:v1\nq.io/ns/z:v1=file://ns/b:v1'
      }
    ])
    expect(errors(set)).toEqual([
      expect.objectContaining({
        file: 'two.txt',
        line: 3,
        message: 'each destination tag may only be specified once: file://ns/b:v1'
      })
    ])
    expect(set.entries.map((e) => [e.id, e.file, e.line])).toEqual([
      [0, 'one.txt', 1],
      [1, 'one.txt', 2],
      [2, 'two.txt', 2]
    ])
  })

  it('catches a duplicate inside one fan-out line', () => {
    const set = parse('q.io/ns/a:v1 file://ns/a file://ns/a:v1')
    expect(errors(set)[0]?.code).toBe('duplicate-destination')
    expect(set.entries).toEqual([])
  })

  it('does not register destinations of a line that fails', () => {
    const set = parse(
      'q.io/ns/a:v1=file://ns/a:v1 q.io/ns/B:v1=file://ns/b:v1\nq.io/ns/x:v1=file://ns/a:v1'
    )
    expect(errors(set).map((f) => f.line)).toEqual([1])
    expect(pairs(set)).toEqual(['2:q.io/ns/x:v1->file://ns/a:v1'])
  })

  it('treats digest-only pushes to one repository as one destination, as oc does', () => {
    const set = parse(`q.io/ns/a@${D64}=file://ns/a\nq.io/ns/b@${D64}=file://ns/a`)
    expect(errors(set)[0]?.message).toBe(
      'each destination tag may only be specified once: file://ns/a'
    )
  })

  it('does not check untagged destinations of expanding sources (known only at run time)', () => {
    expect(parse('q.io/ns/a=file://ns/a\nq.io/ns/b:v*=file://ns/a').findings).toEqual([])
  })
})

describe('larger inputs', () => {
  it('parses a 1,000-line mapping with comments and blank lines', () => {
    const lines: string[] = []
    for (let i = 0; i < 1000; i++) {
      if (i % 10 === 0) lines.push(`# block ${i}`)
      else if (i % 10 === 5) lines.push('')
      else lines.push(`q.io/ns/img${i}:v${i}=file://mirror.local/ns/img${i}`)
    }
    const set = parse(lines.join('\r\n'))
    expect(set.findings).toEqual([])
    expect(set.entries).toHaveLength(800)
    set.entries.forEach((e, k) => {
      expect(e.id).toBe(k)
      expect(lines[e.line - 1]).toBe(e.text)
      const i = e.line - 1
      expect(e.source.raw).toBe(`q.io/ns/img${i}:v${i}`)
      expect(e.destinationTag).toBe(`v${i}`)
    })
  })

  it('starts ids at firstId', () => {
    expect(parseMappingText('a/b:v1=file://b', 'm', 7).entries[0]?.id).toBe(7)
  })
})

describe('renderEntries', () => {
  it('renders lines oc re-parses to the same entries', () => {
    const text = [
      'q.io/ns/a:v1 file://ns/a file://mirror.local/ns/b:v2',
      `q.io/ns/c@${D64}=file:///ns/c`,
      'q.io/ns/d=file://ns/d q.io/ns/e:v*=file://ns/e:x'
    ].join('\n')
    const set = parse(text)
    const rendered = renderEntries(set.entries)
    expect(rendered).toEqual([
      'q.io/ns/a:v1=file://ns/a:v1',
      'q.io/ns/a:v1=file://mirror.local/ns/b:v2',
      `q.io/ns/c@${D64}=file://ns/c`,
      'q.io/ns/d=file://ns/d',
      'q.io/ns/e:v*=file://ns/e:x'
    ])
    const again = parse(rendered.join('\n'))
    expect(again.findings).toEqual([])
    expect(again.entries.map(effectiveDestination)).toEqual(set.entries.map(effectiveDestination))
    expect(again.entries.map((e) => e.source)).toEqual(set.entries.map((e) => e.source))
  })
})

describe('real oc transcripts (4.12)', () => {
  for (const name of [
    'malformed-mapping-bad-ref',
    'malformed-mapping-empty-dst',
    'malformed-mapping-line'
  ]) {
    it(`${name}: same line and message as oc printed`, () => {
      const dir = join(FIXTURES, name)
      const text = readFileSync(join(dir, 'mapping.txt'), 'utf8')
      const stderr = readFileSync(join(dir, 'stderr.txt'), 'utf8').trim()
      expect(readFileSync(join(dir, 'command.txt'), 'utf8')).toContain('-f mapping.txt')
      const set = parse(text, 'mapping.txt')
      const errs = errors(set)
      expect(errs).toHaveLength(1)
      expect(ocLine(errs[0])).toBe(stderr)
      // The lines before it are fine and parsed.
      expect(set.entries.map((e) => e.line)).toEqual([1, 2, 3, 4, 5])
    })
  }
})

describe('loadMappingFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mg-mapping-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reports a missing file as oc does (real transcript)', async () => {
    const stderr = readFileSync(join(FIXTURES, 'missing-mapping-file', 'stderr.txt'), 'utf8').trim()
    const { set, texts } = await loadMappingFiles(['mapping.txt'], dir)
    expect(set.entries).toEqual([])
    expect(set.findings).toEqual([
      expect.objectContaining({
        file: 'mapping.txt',
        line: 0,
        severity: 'error',
        code: 'file-missing'
      })
    ])
    expect(ocLine(set.findings[0])).toBe(stderr)
    expect(texts.size).toBe(0)
  })

  it('reads files relative to cwd, keeps names as given, a BOM and ids across files', async () => {
    mkdirSync(join(dir, 'sub'), { recursive: true })
    writeFileSync(join(dir, 'sub', 'a.txt'), 'q.io/ns/a:v1=file://ns/a:v1\n')
    writeFileSync(
      join(dir, 'b.txt'),
      '\ufeffq.io/ns/b:v1=file://ns/b:v1\nq.io/ns/c:v1=file://ns/c:v1\n'
    )
    const { set, texts } = await loadMappingFiles(['sub/a.txt', 'missing.txt', 'b.txt'], dir)
    expect(texts.get('b.txt')?.startsWith('\ufeff')).toBe(true)
    expect(set.entries.map((e) => [e.id, e.file, e.line])).toEqual([
      [0, 'sub/a.txt', 1],
      [1, 'b.txt', 2]
    ])
    expect(set.findings.map((f) => [f.file, f.line, f.code])).toEqual([
      ['missing.txt', 0, 'file-missing'],
      ['b.txt', 1, 'bom']
    ])
  })

  it('reports files without any mapping with oc wording', async () => {
    writeFileSync(join(dir, 'empty.txt'), '# nothing yet\n\n')
    const { set } = await loadMappingFiles(['empty.txt'], dir)
    expect(set.findings).toEqual([
      expect.objectContaining({
        file: 'empty.txt',
        line: 0,
        code: 'no-mappings',
        message:
          'you must specify at least one source image to pull and the destination to push to as SRC=DST or SRC DST [DST2 DST3 ...]'
      })
    ])
  })

  it('reports a directory and stdin clearly', async () => {
    const { set } = await loadMappingFiles(['sub', '-'], dir)
    expect(set.findings.map((f) => [f.file, f.line, f.code, f.message])).toEqual([
      ['sub', 0, 'file-unreadable', 'read sub: is a directory'],
      ['-', 0, 'stdin-unsupported', textContaining('not supported')]
    ])
  })
})

describe('robustness (property)', () => {
  const lineArb = fc.oneof(
    fc.string({ unit: 'grapheme-composite', maxLength: 80 }),
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.constantFrom(
      'q.io/ns/a:v1=file://ns/a:v1',
      'q.io/ns/a:v1 file://ns/a',
      '\ufeff',
      '\t',
      '#',
      '=',
      '\0',
      '\ud800',
      '\udfff=x',
      'a=b=c',
      `q.io/a@${D64}`
    ),
    fc.integer({ min: 1, max: 70_000 }).map((n) => 'a'.repeat(n))
  )
  const textArb = fc
    .array(lineArb, { maxLength: 12 })
    .chain((lines) => fc.constantFrom('\n', '\r\n', '\r', ' ', '=').map((sep) => lines.join(sep)))

  it('never throws and ties every finding to an existing line', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const set = parseMappingText(text, 'p.txt')
        const physical = text === '' ? 0 : text.split('\n').length
        for (const f of set.findings) {
          expect(Number.isInteger(f.line)).toBe(true)
          expect(f.line).toBeGreaterThanOrEqual(1)
          expect(f.line).toBeLessThanOrEqual(physical)
          expect(f.file).toBe('p.txt')
        }
        for (const e of set.entries) {
          expect(e.line).toBeGreaterThanOrEqual(1)
          expect(e.line).toBeLessThanOrEqual(physical)
          expect(set.findings.some((f) => f.severity === 'error' && f.line === e.line)).toBe(false)
        }
      }),
      { numRuns: 300 }
    )
  })
})
