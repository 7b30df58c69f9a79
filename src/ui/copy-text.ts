/**
 * Copies text to the clipboard. The async Clipboard API needs a secure context and a
 * permission some browsers refuse; the old select-and-copy on a hidden textarea then still
 * works. Resolves false when neither did.
 */
export async function copyText(text: string, root: ShadowRoot | Document = document): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    (root instanceof ShadowRoot ? root : document.body).append(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}
