/**
 * Files dragged onto an element: says while they are held over it (`dragging`, for an
 * overlay) and hands them over when dropped. Events without files (text, links) pass by.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class FileDrop implements ReactiveController {
  /** Whether files are being held over the element. */
  dragging = false;
  /** dragenter/dragleave pairs: entering a child element leaves its parent. */
  private depth = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onFiles: (files: File[]) => void,
  ) {
    host.addController(this);
    host.addEventListener('dragenter', (e) => this.enter(e));
    host.addEventListener('dragover', (e) => this.over(e));
    host.addEventListener('dragleave', (e) => this.leave(e));
    host.addEventListener('drop', (e) => this.drop(e));
  }

  hostConnected(): void {}

  private enter(event: DragEvent): void {
    if (!hasFiles(event)) return;
    event.preventDefault();
    this.depth++;
    this.show(true);
  }

  private over(event: DragEvent): void {
    if (!hasFiles(event)) return;
    event.preventDefault(); // allows the drop
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  }

  private leave(event: DragEvent): void {
    if (!hasFiles(event)) return;
    this.depth = Math.max(0, this.depth - 1);
    if (this.depth === 0) this.show(false);
  }

  private drop(event: DragEvent): void {
    if (!hasFiles(event)) return;
    event.preventDefault();
    this.depth = 0;
    this.show(false);
    this.onFiles([...(event.dataTransfer?.files ?? [])]);
  }

  private show(dragging: boolean): void {
    if (this.dragging === dragging) return;
    this.dragging = dragging;
    this.host.requestUpdate();
  }
}

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}
