/**
 * Services the elements reach through @lit/context instead of module singletons, so a
 * test or a second notebook on the page can provide its own.
 */
import { createContext } from '@lit/context';
import type { NotebookRuntime } from '../runtime/notebook-runtime.ts';

export const runtimeContext = createContext<NotebookRuntime | undefined>(Symbol('mn-runtime'));

/** Tables and columns the engine holds after the latest run, for completion. */
export type Catalog = Awaited<ReturnType<NotebookRuntime['catalog']>>;

export const catalogContext = createContext<Catalog>(Symbol('mn-catalog'));
