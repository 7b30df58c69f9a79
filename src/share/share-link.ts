/**
 * Share links: the whole notebook and its input values in the URL fragment, so nothing
 * reaches a server (browsers never send the fragment). The fragment is
 *
 *   #nb=v1.<base64url(deflate-raw(JSON {text, inputs}))>
 *
 * Decoding treats the link as hostile: the inflated size is capped while streaming (the
 * reader stops and the stream is cancelled as soon as the cap is passed, so a small
 * payload that would inflate to a gigabyte is refused without ever allocating it), and
 * every way it can be wrong has its own message. Pure: CompressionStream and
 * DecompressionStream exist in browsers and in Node 20.
 */
import type { ParamValue } from '../analysis/params.ts';

export const LINK_PREFIX = 'nb=';
export const LINK_VERSION = 'v1';
/** Largest notebook (as JSON) a link may unpack to. The bundled notebooks are ~30 KB. */
export const MAX_INFLATED_BYTES = 2 * 1024 * 1024;
/** Longest fragment we even try to read (Chromium caps whole URLs at 2 MB). */
export const MAX_FRAGMENT_CHARS = 4 * 1024 * 1024;
/** Past this many characters of URL, links get cut by chat apps and address bars (Chromium shows ~32 KB). */
export const SAFE_URL_LENGTH = 32_000;

export interface SharedNotebook {
  /** The notebook file's text (src/notebook/format.ts). */
  readonly text: string;
  /** Input (slicer) values by parameter name, in a JSON-safe form. */
  readonly inputs: readonly (readonly [string, ParamValue])[];
}

export class ShareLinkError extends Error {
  constructor(
    readonly reason: 'version' | 'encoding' | 'corrupt' | 'too-large' | 'not-a-notebook',
    message: string,
  ) {
    super(message);
    this.name = 'ShareLinkError';
  }
}

/** The fragment (without `#`) for a notebook: `nb=v1.…`. */
export async function encodeShareFragment(shared: SharedNotebook): Promise<string> {
  const json = JSON.stringify({ text: shared.text, inputs: shared.inputs.map(([k, v]) => [k, v]) });
  const compressed = await transform(
    new TextEncoder().encode(json),
    new CompressionStream('deflate-raw'),
  );
  return `${LINK_PREFIX}${LINK_VERSION}.${toBase64Url(compressed)}`;
}

/** `base` (the page's URL, any fragment dropped) with the notebook in its fragment. */
export async function shareUrl(
  base: string,
  shared: SharedNotebook,
): Promise<{ url: string; length: number; tooLong: boolean }> {
  const url = `${base.replace(/#.*$/, '')}#${await encodeShareFragment(shared)}`;
  return { url, length: url.length, tooLong: url.length > SAFE_URL_LENGTH };
}

/** True when a fragment (with or without `#`) holds a notebook link, valid or not. */
export function isShareFragment(fragment: string): boolean {
  return fragment.replace(/^#/, '').startsWith(LINK_PREFIX);
}

/**
 * The notebook in a fragment (`#nb=v1.…` or `nb=v1.…`); null when the fragment is not a
 * notebook link at all. Throws ShareLinkError, with a message for the person, when it is
 * one but cannot be read.
 */
export async function decodeShareFragment(
  fragment: string,
  maxInflatedBytes = MAX_INFLATED_BYTES,
): Promise<SharedNotebook | null> {
  const body = fragment.replace(/^#/, '');
  if (!body.startsWith(LINK_PREFIX)) return null;
  const value = body.slice(LINK_PREFIX.length);
  const dot = value.indexOf('.');
  const version = dot < 0 ? '' : value.slice(0, dot);
  if (version !== LINK_VERSION) {
    throw new ShareLinkError(
      'version',
      /^v\d+$/.test(version)
        ? `This link was made by another version of Medallion Notebook (format ${version}); this page reads ${LINK_VERSION} links.`
        : 'This is not a notebook link this page can read: it has no version (expected #nb=v1.…). It may have been cut off when copied.',
    );
  }
  const payload = value.slice(dot + 1);
  if (payload.length > MAX_FRAGMENT_CHARS) {
    throw new ShareLinkError(
      'too-large',
      'This link is too long to be a notebook link; it was not opened.',
    );
  }
  let compressed: Uint8Array;
  try {
    compressed = fromBase64Url(payload);
  } catch {
    throw new ShareLinkError(
      'encoding',
      'This notebook link is damaged: it holds characters a link never has. It may have been changed when copied.',
    );
  }
  const bytes = await inflateCapped(compressed, maxInflatedBytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ShareLinkError(
      'not-a-notebook',
      'This link does not hold a notebook: its data is not what a Share link contains.',
    );
  }
  return checkShared(parsed);
}

/**
 * Inflates raw deflate data, refusing as soon as the output passes `cap` bytes: the
 * reader is cancelled, so the rest is never decompressed.
 */
export async function inflateCapped(compressed: Uint8Array, cap: number): Promise<Uint8Array> {
  const reader = new Blob([compressed as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > cap) {
        await reader.cancel().catch(() => undefined);
        throw new ShareLinkError(
          'too-large',
          `This link's notebook would unpack to more than ${formatMb(cap)}; it was refused without being opened.`,
        );
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ShareLinkError) throw error;
    throw new ShareLinkError(
      'corrupt',
      'This notebook link is damaged: its data does not unpack. It may have been cut off when copied.',
    );
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

function checkShared(value: unknown): SharedNotebook {
  const fail = () =>
    new ShareLinkError(
      'not-a-notebook',
      'This link does not hold a notebook: its data is not what a Share link contains.',
    );
  if (typeof value !== 'object' || value === null) throw fail();
  const { text, inputs } = value as { text?: unknown; inputs?: unknown };
  if (typeof text !== 'string') throw fail();
  const pairs: [string, ParamValue][] = [];
  if (inputs !== undefined) {
    if (!Array.isArray(inputs)) throw fail();
    for (const pair of inputs) {
      if (
        !Array.isArray(pair) ||
        pair.length !== 2 ||
        typeof pair[0] !== 'string' ||
        !isParamValue(pair[1])
      )
        throw fail();
      pairs.push([pair[0], pair[1] as ParamValue]);
    }
  }
  return { text, inputs: pairs };
}

/** A value an input cell can hold (analysis/params.ts), checked shape by shape. */
export function isParamValue(value: unknown): value is ParamValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string');
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    const range = value as { from?: unknown; to?: unknown };
    return keys.length === 2 && typeof range.from === 'string' && typeof range.to === 'string';
  }
  return false;
}

async function transform(
  bytes: Uint8Array,
  stream: TransformStream<BufferSource, Uint8Array>,
): Promise<Uint8Array> {
  const piped = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) {
    binary += String.fromCharCode(...bytes.subarray(i, i + step));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new Error('not base64url');
  const binary = atob(
    text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4),
  );
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function formatMb(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}
