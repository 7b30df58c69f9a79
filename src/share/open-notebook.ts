/**
 * From what the address asks (open-request.ts) to the notebook the page opens: its text
 * and input values (an autosave wins over the original, and the page says so), its id for
 * autosave, whether it is trusted and may use the network.
 *
 *   gallery  trusted (it ships with the app)             id gallery:<name>
 *   link     trusted only if this content was trusted    id link:<hash of the link's text>
 *   local    as stored, or if its content was trusted    id as given (local:…, or any stored id)
 */
import type { ParamValue } from '../analysis/params.ts';
import type { GalleryEntry } from './gallery.ts';
import type { NotebookOrigin, NotebookStore } from './notebook-store.ts';
import type { OpenRequest } from './open-request.ts';
import { decodeShareFragment, ShareLinkError } from './share-link.ts';
import { notebookHash, type TrustStore } from './trust.ts';

export interface OpenedNotebook {
  readonly id: string;
  readonly origin: NotebookOrigin;
  readonly text: string;
  readonly inputs: readonly (readonly [string, ParamValue])[];
  /** The text it came from (gallery file, link, opened file), for "Revert to the original". */
  readonly original: string;
  readonly trusted: boolean;
  readonly network: boolean;
  /** The stored revision the page starts from (0: nothing stored). */
  readonly baseRevision: number;
  /** When the page restored changes saved in this browser over the original, their time. */
  readonly restoredAt: number | null;
}

export type Opening =
  | { readonly kind: 'notebook'; readonly notebook: OpenedNotebook }
  | { readonly kind: 'start'; readonly message: string | null };

export interface OpenDeps {
  readonly gallery: readonly GalleryEntry[];
  readonly store: NotebookStore;
  readonly trust: TrustStore;
}

export async function openRequested(request: OpenRequest, deps: OpenDeps): Promise<Opening> {
  switch (request.kind) {
    case 'start':
      return request;
    case 'gallery': {
      const entry = deps.gallery.find((g) => g.name === request.name);
      if (!entry)
        return {
          kind: 'start',
          message: `There is no notebook named "${request.name}" in the gallery.`,
        };
      return {
        kind: 'notebook',
        notebook: await fromOriginal(
          deps,
          `gallery:${entry.name}`,
          'gallery',
          entry.text,
          [],
          true,
        ),
      };
    }
    case 'link': {
      try {
        const shared = await decodeShareFragment(request.fragment);
        if (!shared) return { kind: 'start', message: null };
        const id = `link:${(await notebookHash(shared.text)).slice(0, 16)}`;
        return {
          kind: 'notebook',
          notebook: await fromOriginal(deps, id, 'link', shared.text, shared.inputs, false),
        };
      } catch (error) {
        if (error instanceof ShareLinkError) return { kind: 'start', message: error.message };
        throw error;
      }
    }
    case 'local': {
      const record = deps.store.get(request.id);
      if (!record) {
        return {
          kind: 'start',
          message:
            'That notebook is not kept in this browser (it was deleted, or saved in another browser). Choose another one below.',
        };
      }
      return {
        kind: 'notebook',
        notebook: {
          id: record.id,
          origin: record.origin,
          text: record.text,
          inputs: record.inputs,
          original: record.original,
          trusted: record.trusted || (await deps.trust.isTrusted(record.text)),
          network: record.network || (await deps.trust.isNetworkAllowed(record.text)),
          baseRevision: record.revision,
          restoredAt: null,
        },
      };
    }
  }
}

/** A gallery notebook or a link: the original, unless this browser holds changes to it. */
async function fromOriginal(
  deps: OpenDeps,
  id: string,
  origin: NotebookOrigin,
  original: string,
  inputs: readonly (readonly [string, ParamValue])[],
  trustedByOrigin: boolean,
): Promise<OpenedNotebook> {
  const record = deps.store.get(id);
  const text = record?.text ?? original;
  const changed =
    record !== null &&
    (record.text !== original || JSON.stringify(record.inputs) !== JSON.stringify(inputs));
  return {
    id,
    origin,
    text,
    inputs: record?.inputs ?? inputs,
    original,
    trusted: trustedByOrigin || record?.trusted === true || (await deps.trust.isTrusted(text)),
    network: record?.network === true || (await deps.trust.isNetworkAllowed(text)),
    baseRevision: record?.revision ?? 0,
    restoredAt: changed ? record.savedAt : null,
  };
}
