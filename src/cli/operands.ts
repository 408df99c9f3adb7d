// Flags plus operands (`mirror-guard merge … REPORT…`): the same strict parser as parseFlags in
// io.ts, with positional arguments allowed; any problem becomes a UsageError.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError } from './io.js'

type Options = NonNullable<ParseArgsConfig['options']>

export function parseFlagsAndOperands<O extends Options>(args: string[], options: O) {
  try {
    const { values, positionals } = parseArgs({
      args,
      options,
      strict: true,
      allowPositionals: true
    })
    return { values, operands: positionals }
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
}
