import { describe, expect, it } from 'vitest'
import { buildOcArgs, ocListValue } from '../../src/engines/oc-args.js'

describe('buildOcArgs', () => {
  it('maps every option to oc flag syntax, attempt flags last', () => {
    const args = buildOcArgs(
      {
        registryConfig: '/tmp/auth.json',
        dir: 'mirror',
        fromDir: 'src dir',
        filterByOs: '.*',
        keepManifestList: true,
        insecure: true,
        skipMultipleScopes: true,
        skipMissing: true,
        maxPerRegistry: 6,
        maxRegistry: 2,
        continueOnError: true,
        dryRun: true,
        extraArgs: ['--skip-mount', '--max-per-registry=9']
      },
      { mappingFile: 'retry-2.txt', force: true, maxPerRegistry: 1 }
    )
    expect(args).toEqual([
      'image',
      'mirror',
      '-f',
      'retry-2.txt',
      '--registry-config=/tmp/auth.json',
      '--dir=mirror',
      '--from-dir=src dir',
      '--filter-by-os=.*',
      '--keep-manifest-list=true',
      '--insecure=true',
      '--skip-multiple-scopes=true',
      '--skip-missing=true',
      '--max-registry=2',
      '--continue-on-error=true',
      '--dry-run=true',
      '--skip-mount',
      '--max-per-registry=9',
      // the retry policy's value wins over extra-args (pflag keeps the last one)
      '--max-per-registry=1',
      '--force'
    ])
  })

  it('omits everything not asked for', () => {
    expect(buildOcArgs({}, { mappingFile: 'm.txt', force: false })).toEqual([
      'image',
      'mirror',
      '-f',
      'm.txt'
    ])
  })

  it('uses the input max-per-registry when the attempt does not lower it', () => {
    const args = buildOcArgs({ maxPerRegistry: 6 }, { mappingFile: 'm.txt', force: false })
    expect(args).toContain('--max-per-registry=6')
    expect(args).not.toContain('--force')
  })

  it('keeps a value that looks like a flag inside its own argument', () => {
    const args = buildOcArgs({ dir: '--force' }, { mappingFile: '-', force: false })
    expect(args).toContain('--dir=--force')
    expect(args).not.toContain('--force')
  })
})

describe('ocListValue (-f is read as one CSV record)', () => {
  it('passes plain paths as they are', () => {
    expect(ocListValue('/tmp/mirror-guard-x/retry-mapping-attempt-2.txt')).toBe(
      '/tmp/mirror-guard-x/retry-mapping-attempt-2.txt'
    )
  })

  it('quotes paths with a comma, a quote or a line break, doubling inner quotes', () => {
    expect(ocListValue('e,one.txt')).toBe('"e,one.txt"')
    expect(ocListValue('/run,ner/tmp/m.txt')).toBe('"/run,ner/tmp/m.txt"')
    expect(ocListValue('say "hi".txt')).toBe('"say ""hi"".txt"')
    expect(ocListValue('a\nb')).toBe('"a\nb"')
  })

  it('is what buildOcArgs passes after -f', () => {
    const args = buildOcArgs({}, { mappingFile: 'dir,x/e,one.txt', force: false })
    expect(args.slice(0, 4)).toEqual(['image', 'mirror', '-f', '"dir,x/e,one.txt"'])
  })
})
