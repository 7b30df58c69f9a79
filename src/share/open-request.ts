/**
 * What the address asks to open, read before anything loads:
 *
 *   #nb=v1.…             a share link (wins over the rest: it is what the person clicked)
 *   ?local=<id>          a notebook kept in this browser
 *   ?notebook=<name>     a gallery notebook; an unknown name shows the start page and says so
 *   ?start               the start page: gallery and local notebooks
 *   (nothing)            the default gallery notebook, Customer 360
 */
import { isShareFragment } from './share-link.ts';
import { DEFAULT_NOTEBOOK } from './gallery.ts';

export type OpenRequest =
  | { readonly kind: 'gallery'; readonly name: string }
  | { readonly kind: 'link'; readonly fragment: string }
  | { readonly kind: 'local'; readonly id: string }
  | { readonly kind: 'start'; readonly message: string | null };

export function readOpenRequest(url: URL, galleryNames: readonly string[]): OpenRequest {
  if (isShareFragment(url.hash)) return { kind: 'link', fragment: url.hash };
  const params = url.searchParams;
  const local = params.get('local');
  if (local) return { kind: 'local', id: local };
  const name = params.get('notebook');
  if (name !== null) {
    if (galleryNames.includes(name)) return { kind: 'gallery', name };
    return {
      kind: 'start',
      message: `There is no notebook named "${name}" in the gallery. Choose one below, or open a notebook file.`,
    };
  }
  if (params.has('start')) return { kind: 'start', message: null };
  return {
    kind: 'gallery',
    name: galleryNames.includes(DEFAULT_NOTEBOOK)
      ? DEFAULT_NOTEBOOK
      : (galleryNames[0] ?? DEFAULT_NOTEBOOK),
  };
}

/** Relative addresses (the app works from any sub-path). */
export const addressOf = {
  gallery: (name: string) => `./?notebook=${encodeURIComponent(name)}`,
  local: (id: string) => `./?local=${encodeURIComponent(id)}`,
  start: () => './?start',
};
