// Untrusted text (mapping lines, registry bodies, error messages) ends up in tables, JSON and
// GitHub annotations. Keeping it on one line without control characters means it can never
// start a line of its own, so it cannot smuggle in a `::workflow-command::`.

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g

export function oneLine(text: string, max = 400): string {
  const flat = text.replace(CONTROL, (c) => (/[\n\r\t\u2028\u2029]/.test(c) ? ' ' : '?'))
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}
