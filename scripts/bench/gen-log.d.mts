// Types of gen-log.mjs for the tests that use its synthetic logs.
export interface GeneratedLog {
  bytes: number
  lines: number
  attempts: number
  mirrored: number
  failed: number
  errorLines: number
  rateLimitLines: number
}
export function mappingEntry(i: number): { src: string; tag: string; line: string }
export function writeMapping(path: string, n: number): Promise<void>
export function writeLog(
  path: string,
  opts: { targetBytes: number; entries: number; seed?: number; failureRate?: number }
): Promise<GeneratedLog>
export const FAILURE_NAMES: string[]
