/** Named faults; see fault-proxy.mjs for the exact status, headers and body of each. */
export type FaultActionName =
  | '429-empty'
  | '429-json'
  | '429-retry-after'
  | '401'
  | '403'
  | '403-denied'
  | '404-manifest'
  | '404-blob'
  | '500'
  | '502'
  | '503'
  | 'reset'
  | 'truncate'
  | 'corrupt'
  | 'slow'
  /** Uses the rule's own `status`, `headers`, `body`. */
  | 'status'
  /** A manifest PUT answered 201 with the body's digest, and nothing stored. */
  | 'swallow-put'
  /** An error (rule's `status`, default 500; `format` json or text) echoing the credentials sent. */
  | 'echo-auth'

/** An arbitrary response (for injection tests the body may be any text). */
export interface CustomReply {
  status: number
  headers?: Record<string, string>
  body?: string
}

export type FaultAction = FaultActionName | CustomReply

/**
 * One fault rule (JSON-serialisable). Rules are tried in order; a rule counts a request
 * in `seen` when method and path match, and the first rule that then fires answers it.
 * At least one trigger (`always`, `first`, `nth`, `probability`) is required;
 * `first`/`nth` select occurrences (1-based, counted per rule) and `probability` gates them.
 */
export interface FaultRule {
  name: string
  method?: string | string[]
  /** Regex tested against the request path (with and without the query string). */
  path: string
  always?: true
  first?: number
  nth?: number | number[]
  probability?: number
  /** Seed of the rule's PRNG for `probability` (default 1). */
  seed?: number
  action: FaultAction
  /** 429 actions: Retry-After header value (`429-retry-after` defaults to 30). */
  retryAfter?: string | number
  /** 401: challenge scheme (default basic). */
  challenge?: 'basic' | 'bearer'
  /**
   * truncate: share of the body sent before the socket is dropped (default 0.5); corrupt: where
   * in the body the one inverted byte sits (default 0.5).
   */
  fraction?: number
  /** slow: body throughput (default 64 KiB/s). */
  bytesPerSecond?: number
  /** slow: delay before the response headers. */
  delayMs?: number
  /** echo-auth: a registry error document (default) or plain text. */
  format?: 'json' | 'text'
  /** action 'status': the response. */
  status?: number
  headers?: Record<string, string>
  body?: string
}

export interface ProxyLogEntry {
  id: number
  t: string
  ms: number
  method: string
  url: string
  /** Status sent (0 when the connection was dropped before a response). */
  status: number
  rule: string | null
  action: string
  /** Body bytes sent to the client (pass-through, slow and truncate). */
  bytes?: number
  /** Set when the exchange broke mid-way. */
  error?: boolean
}

export interface RuleStats {
  name: string
  seen: number
  fired: number
}

export interface FaultProxy {
  /** `127.0.0.1:<port>` */
  host: string
  /** `http://127.0.0.1:<port>` */
  url: string
  port: number
  /** Replaces the rules; counters start from zero for the new rules. Throws on a bad rule. */
  setRules(rules: FaultRule[]): void
  stats(): RuleStats[]
  requests(): ProxyLogEntry[]
  /** Body bytes actually sent per blob digest (GET /v2/<repo>/blobs/<digest>). */
  bytesServed(): Map<string, number>
  totalBlobBytes(): number
  /** Clears the log, the byte counts and the rule counters. */
  resetStats(): void
  /** Idempotent. */
  stop(): Promise<void>
}

export declare function startFaultProxy(opts: {
  upstream: string
  rules?: FaultRule[]
}): Promise<FaultProxy>
