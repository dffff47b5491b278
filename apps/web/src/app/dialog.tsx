import { useEffect, useRef, type ReactNode } from 'react';

/** A modal dialog: a titled card over a dimmed page; Escape cancels. */
export function Dialog({ title, children, actions, onCancel, wide }: {
  title: string;
  children: ReactNode;
  actions: ReactNode;
  onCancel: () => void;
  wide?: boolean | 'medium';
}) {
  const card = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onCancel();
      }
    };
    window.addEventListener('keydown', onKey, true);
    card.current?.querySelector<HTMLElement>('input, textarea, select, button.primary')?.focus();
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onCancel]);
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) onCancel(); }}>
      <div ref={card} className={`dialog${wide === 'medium' ? ' dialog-medium' : wide ? ' dialog-wide' : ''}`} role="dialog" aria-modal="true" aria-label={title}>
        <h2 className="dialog-title">{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">{actions}</div>
      </div>
    </div>
  );
}
