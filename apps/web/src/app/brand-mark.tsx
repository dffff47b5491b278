/** Seam's mark: two blocks joined by a seam. */
export function BrandMark() {
  return (
    <svg className="brand-mark" width="20" height="20" viewBox="0 0 20 20" aria-hidden>
      <rect x="1" y="4" width="8" height="12" rx="2" fill="currentColor" opacity="0.55" />
      <rect x="11" y="4" width="8" height="12" rx="2" fill="currentColor" />
      <path d="M10 2v16" stroke="currentColor" strokeWidth="1.5" strokeDasharray="2 2" />
    </svg>
  );
}
