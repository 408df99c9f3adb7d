// Strings a mapping line, a registry error body or tool output could carry to hijack the
// runner's workflow-command parser.
export const HOSTILE: readonly string[] = [
  '::error::owned',
  '::add-mask::x',
  '::stop-commands::abc',
  '::set-output name=verdict::success',
  'value %0A::error::via percent',
  'line\r\n::set-output name=x::y',
  'text\n::warning file=a,line=1::injected',
  '\u001b[31mred\u001b[0m::error::after ansi',
  '##[add-matcher]/tmp/evil.json',
  '##[error]legacy',
  'bell\u0007 and nul\u0000 and \u009b31m c1',
  'osc \u001b]0;title\u0007 done',
  '\u2028::error::after line separator'
]
