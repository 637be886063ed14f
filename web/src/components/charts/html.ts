/**
 * Text for the HTML that chart and map libraries build from strings (ECharts tooltip
 * formatters, Leaflet tooltips): user text is escaped so a name like `<img onerror>` shows
 * as written and never becomes an element.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
