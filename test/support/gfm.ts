// Renders a job summary the way GitHub does, near enough for tests: CommonMark plus GFM tables,
// strikethrough and autolinks (markdown-it), raw HTML allowed (as GitHub allows some), so a
// test sees exactly what escaping let through.
import MarkdownIt from 'markdown-it'

const md = new MarkdownIt({ html: true, linkify: true })

export function renderGfm(markdown: string): string {
  return md.render(markdown)
}

/** The visible text of an HTML fragment (tags dropped, the few entities markdown-it emits decoded). */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
}

/** Rows (cells' inner HTML) of the first table after the `<h3>` titled `heading`. */
export function tableAfter(html: string, heading: string): string[][] {
  const start = html.indexOf(`<h3>${heading}</h3>`)
  if (start < 0) return []
  const table = /<table>([\s\S]*?)<\/table>/.exec(html.slice(start))?.[1] ?? ''
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
    [...(r[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1] ?? '')
  )
}
