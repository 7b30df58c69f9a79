/**
 * A menu button's behaviour (WAI-ARIA menu button), for any element that renders a button
 * with `aria-haspopup="menu"` and, while `open`, items with `role="menuitem"`: the first
 * item takes focus on opening, arrow keys move between items, Escape closes and gives the
 * focus back to the button, Tab or a press outside the host closes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export class MenuButton implements ReactiveController {
  open = false;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pointerdown', this.onOutside);
  }

  hostDisconnected(): void {
    window.removeEventListener('pointerdown', this.onOutside);
  }

  readonly toggle = async (): Promise<void> => {
    this.open = !this.open;
    this.host.requestUpdate();
    if (!this.open) return;
    await this.host.updateComplete;
    this.items()[0]?.focus();
  };

  /** Closes the menu and puts the focus back on its button. */
  close(): void {
    this.open = false;
    this.host.requestUpdate();
    this.host.renderRoot.querySelector<HTMLElement>('[aria-haspopup="menu"]')?.focus();
  }

  /** The keydown handler for the element holding the button and the menu. */
  readonly onKey = (event: KeyboardEvent): void => {
    if (!this.open) return;
    const items = this.items();
    const at = items.indexOf(this.host.shadowRoot?.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation(); // the menu's Escape, not the page's
      this.close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Tab') {
      this.open = false;
      this.host.requestUpdate();
    }
  };

  private items(): HTMLElement[] {
    return [...this.host.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  }

  private readonly onOutside = (event: PointerEvent): void => {
    if (this.open && !event.composedPath().includes(this.host)) {
      this.open = false;
      this.host.requestUpdate();
    }
  };
}
