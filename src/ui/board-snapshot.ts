/** Builds the dashboard snapshot (board-context.ts) from the runtime, and tells when it changed. */
import type { NotebookRuntime } from '../runtime/notebook-runtime.ts';
import type { InputSpec } from '../dashboard/input-spec.ts';
import type { Board } from './board-context.ts';
import { inputSpec, palette } from '../dashboard/spec-cache.ts';
import { ColourMemory } from './colour-memory.ts';

export class BoardSnapshot {
  private key = '';
  private board: Board | null = null;
  private readonly colours: ColourMemory;

  /** `onChange` runs when charts taught the palette new colours: take a new snapshot then. */
  constructor(onChange: () => void) {
    this.colours = new ColourMemory(onChange);
  }

  /** The current board: the same object as last time unless something it holds changed. */
  of(runtime: NotebookRuntime): Board {
    const inputs = new Map<string, InputSpec>();
    const options = new Map<string, readonly string[]>();
    for (const cell of runtime.notebook.cells) {
      if (cell.kind !== 'input') continue;
      const spec = inputSpec(cell.source);
      if (!spec.name || inputs.has(spec.name)) continue;
      inputs.set(spec.name, spec);
      options.set(spec.name, runtime.state(cell.id).options ?? spec.options);
    }
    const colors = runtime.notebook.meta['colors'] ?? '';
    const params = runtime.inputValues();
    const key = JSON.stringify([
      colors,
      this.colours.version,
      [...params],
      [...inputs],
      [...options],
    ]);
    if (this.board && key === this.key) return this.board;
    this.key = key;
    const declared = palette(colors);
    this.board = {
      params: new Map(params),
      palette: this.colours.palette(declared),
      learnColours: (legend) => this.colours.learn(legend, declared),
      inputs,
      options,
    };
    return this.board;
  }
}
