/** Whether shortcuts read ⌘ (Apple keyboards) or Ctrl. */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
