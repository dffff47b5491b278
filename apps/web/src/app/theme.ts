import { create } from 'zustand';

export type Theme = 'light' | 'dark';
const KEY = 'seam.theme';

function stored(): Theme {
  try {
    return localStorage.getItem(KEY) === 'dark' ? 'dark' : 'light';
  } catch {
    return 'light';
  }
}

function apply(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

/** Light by default; dark when the user picks it (kept in local storage). */
export const useTheme = create<{ theme: Theme; toggle(): void }>()((set, get) => {
  const theme = typeof window === 'undefined' ? 'light' : stored();
  if (typeof document !== 'undefined') apply(theme);
  return {
    theme,
    toggle: () => {
      const next: Theme = get().theme === 'light' ? 'dark' : 'light';
      try { localStorage.setItem(KEY, next); } catch { /* the choice lasts for this page only */ }
      apply(next);
      set({ theme: next });
    },
  };
});

/** Colours the canvas draws itself (grid dots, minimap), per theme. */
export const canvasColors: Readonly<Record<Theme, { grid: string; minimapBg: string; minimapMask: string }>> = {
  light: { grid: '#dfe3ea', minimapBg: '#ffffff', minimapMask: 'rgba(233, 236, 241, 0.7)' },
  dark: { grid: '#2a303a', minimapBg: '#1b1f26', minimapMask: 'rgba(10, 12, 16, 0.6)' },
};
