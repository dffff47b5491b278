import type { ReactNode } from 'react';
import { BrandMark } from './brand-mark';
import { routeHref } from './router';
import { useTheme } from './theme';

/** The bar at the top of every page: the product mark (back to the flow list) and the page's own actions. */
export function AppHeader({ children, title }: { children?: ReactNode; title?: ReactNode }) {
  return (
    <header className="app-header">
      <a className="brand" href={routeHref({ page: 'flows' })}><BrandMark /> Seam</a>
      {title && <div className="app-header-title">{title}</div>}
      <div className="app-header-actions">
        {children}
        <ThemeToggle />
      </div>
    </header>
  );
}

function ThemeToggle() {
  const theme = useTheme((s) => s.theme);
  const toggle = useTheme((s) => s.toggle);
  return (
    <button type="button" className="button ghost small" onClick={toggle} title="Switch between the light and the dark theme">
      {theme === 'light' ? 'Dark' : 'Light'}
    </button>
  );
}
