/** Small stroke icons (24×24 grid, currentColor) so buttons need no icon font or network. */
import { svg, html, type SVGTemplateResult, type TemplateResult } from 'lit';

function icon(paths: SVGTemplateResult): TemplateResult {
  return html`<svg
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    ${paths}
  </svg>`;
}

export const icons = {
  play: icon(svg`<path d="M7 4.5v15l12-7.5z" />`),
  playAll: icon(svg`<path d="M4 5v14l8-7z" /><path d="M12 5v14l8-7z" />`),
  up: icon(svg`<path d="M12 19V5" /><path d="m5 12 7-7 7 7" />`),
  down: icon(svg`<path d="M12 5v14" /><path d="m19 12-7 7-7-7" />`),
  trash: icon(
    svg`<path d="M4 7h16" /><path d="M10 11v6M14 11v6" /><path d="M6 7l1 13h10l1-13" /><path d="M9 7V4h6v3" />`,
  ),
  addSql: icon(svg`<path d="m8 8-4 4 4 4" /><path d="m16 8 4 4-4 4" /><path d="M12 9v6M9 12h6" />`),
  addMore: icon(svg`<path d="M12 5v14M5 12h14" />`),
  addText: icon(svg`<path d="M4 6h16M4 12h9M4 18h7" /><path d="M18 14v6M15 17h6" />`),
  edit: icon(svg`<path d="M4 20h4L19 9l-4-4L4 16z" /><path d="m13.5 6.5 4 4" />`),
  upload: icon(svg`<path d="M12 16V4" /><path d="m6 10 6-6 6 6" /><path d="M4 20h16" />`),
  close: icon(svg`<path d="M6 6l12 12M18 6 6 18" />`),
  keyboard: icon(
    svg`<rect x="3" y="6" width="18" height="12" rx="2" /><path d="M7 10h.01M11 10h.01M15 10h.01M7 14h10" />`,
  ),
  download: icon(svg`<path d="M12 4v12" /><path d="m6 10 6 6 6-6" /><path d="M4 20h16" />`),
  sliders: icon(
    svg`<path d="M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0" /><circle cx="16" cy="6" r="2" /><circle cx="10" cy="12" r="2" /><circle cx="18" cy="18" r="2" />`,
  ),
  dashboard: icon(
    svg`<rect x="3" y="3" width="7" height="9" rx="1" /><rect x="14" y="3" width="7" height="5" rx="1" /><rect x="14" y="12" width="7" height="9" rx="1" /><rect x="3" y="16" width="7" height="5" rx="1" />`,
  ),
  notebook: icon(
    svg`<rect x="5" y="3" width="14" height="18" rx="2" /><path d="M9 8h6M9 12h6M9 16h4" />`,
  ),
  filter: icon(svg`<path d="M4 5h16l-6 7v6l-4 2v-8z" />`),
  lineage: icon(
    svg`<rect x="2" y="4" width="6" height="5" rx="1" /><rect x="2" y="15" width="6" height="5" rx="1" /><rect x="16" y="9.5" width="6" height="5" rx="1" /><path d="M8 6.5c4 0 4 5.5 8 5.5M8 17.5c4 0 4-5.5 8-5.5" />`,
  ),
  present: icon(
    svg`<rect x="3" y="4" width="18" height="12" rx="1.5" /><path d="M12 16v4M8 20h8" /><path d="m10 8 4 2-4 2z" />`,
  ),
};
