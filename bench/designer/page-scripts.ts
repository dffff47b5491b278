/*
 * Code that runs inside the page. Kept as JavaScript text because the bench is type-checked for Node only (no
 * DOM lib): each script is an expression that page.evaluate runs, and its caller states what it returns.
 */

/** Resolves after two animation frames with performance.now(): React has committed and the browser painted. */
export const afterTwoFrames = 'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))';

export const countNodes = "document.querySelectorAll('.react-flow__node').length";

/** A point where a drag pans: the pane itself under the pointer, not a node, handle, minimap or control. */
export const findPanePoint = `(() => {
  const pane = document.querySelector('.react-flow__pane');
  if (!pane) return null;
  const box = pane.getBoundingClientRect();
  for (let fy = 0.3; fy < 0.9; fy += 0.05) {
    for (let fx = 0.3; fx < 0.9; fx += 0.05) {
      const x = box.left + box.width * fx;
      const y = box.top + box.height * fy;
      if (document.elementFromPoint(x, y) === pane) return { x, y };
    }
  }
  return null;
})()`;

export const viewportTranslate = `(() => {
  const m = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')).transform);
  return { x: m.e, y: m.f };
})()`;

/** Starts recording the time between animation frames into window.__frames. */
export const startFrameRecorder = `(() => {
  window.__frames = [];
  window.__recording = true;
  let last = performance.now();
  const tick = (t) => {
    window.__frames.push(t - last);
    last = t;
    if (window.__recording) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

/** Stops the recorder and returns the frame intervals (the first one spans the set-up, so it is dropped). */
export const stopFrameRecorder = '(() => { window.__recording = false; return window.__frames.slice(1); })()';
