/**
 * A data file a notebook names by URL (a bronze cell's `urls:`), fetched whole. In the
 * browser this runs in the engine worker, whose network guard refuses it until the person
 * allows network access (workers/network-guard.ts); the page's own CSP allows no request
 * to another origin at all.
 */
export function isDataUrl(handle: unknown): handle is string {
  return typeof handle === 'string' && /^https?:\/\//i.test(handle);
}

export async function downloadFile(name: string, url: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    // A refused request, no network, or a server that does not allow cross-origin reads (CORS).
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`${name} could not be fetched from ${url}: ${why}`, { cause: error });
  }
  if (!response.ok) {
    throw new Error(`${name} could not be fetched from ${url}: the server answered ${response.status} ${response.statusText}`.trim());
  }
  return response.blob();
}
