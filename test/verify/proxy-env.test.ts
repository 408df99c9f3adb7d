// Which proxy a registry request uses: oc's rules (Go's ProxyFromEnvironment).
import { describe, expect, it } from 'vitest'
import { proxyFor } from '../../src/verify/proxy-env.js'

const via = (url: string, env: Record<string, string>) => proxyFor(new URL(url), env)?.href

describe('proxyFor', () => {
  it('HTTPS_PROXY for https, HTTP_PROXY for http; upper case before lower case', () => {
    const env = { HTTPS_PROXY: 'http://s:3128', HTTP_PROXY: 'http://p:3128', https_proxy: 'x:1' }
    expect(via('https://quay.io/v2/', env)).toBe('http://s:3128/')
    expect(via('http://quay.io/v2/', env)).toBe('http://p:3128/')
    expect(via('https://quay.io/v2/', { https_proxy: 'http://low:8080' })).toBe('http://low:8080/')
  })

  it('a proxy without a scheme is http://; none set means direct', () => {
    expect(via('https://quay.io/', { HTTPS_PROXY: 'proxy.corp:8080' })).toBe(
      'http://proxy.corp:8080/'
    )
    expect(via('https://quay.io/', {})).toBeUndefined()
  })

  it('never proxies loopback hosts', () => {
    const env = { HTTPS_PROXY: 'http://s:1', HTTP_PROXY: 'http://s:1' }
    for (const u of ['https://localhost:5000/', 'http://127.0.0.1:5000/', 'https://[::1]:5000/'])
      expect(via(u, env)).toBeUndefined()
  })

  it.each([
    ['*', 'https://quay.io/', true],
    ['quay.io', 'https://quay.io/', true],
    ['quay.io', 'https://cdn.quay.io/', true],
    ['.quay.io', 'https://quay.io/', false],
    ['.quay.io', 'https://cdn.quay.io/', true],
    ['*.quay.io', 'https://cdn.quay.io/', true],
    ['uay.io', 'https://quay.io/', false],
    ['quay.io:443', 'https://quay.io/', true],
    ['quay.io:5000', 'https://quay.io/', false],
    ['10.0.0.0/8', 'https://10.1.2.3:5000/', true],
    ['10.0.0.0/8', 'https://11.1.2.3:5000/', false],
    ['10.1.2.3', 'https://10.1.2.3:5000/', true],
    [' other.io , quay.io ', 'https://quay.io/', true]
  ])('NO_PROXY %j for %s → bypass %s', (noProxy, url, bypass) => {
    const got = via(url, { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: noProxy })
    expect(got === undefined).toBe(bypass)
  })
})
