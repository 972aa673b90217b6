/** The helper panel sits 16 px from the frame's top and right edges (components/overlay/overlay.css). */
const MARGIN = 16;

/**
 * Reports the height the reply helper needs, so the page side makes the frame no taller: the
 * rest of the page stays clickable. The panel comes and goes (React), so a MutationObserver finds
 * the current one and a ResizeObserver follows its size; reports are deduplicated.
 */
export function watchFrameSize(root: HTMLElement, report: (height: number) => void): () => void {
  let last = -1;
  let watched: Element | null = null;
  const emit = () => {
    const height = watched?.isConnected ? Math.ceil(watched.getBoundingClientRect().height) + 2 * MARGIN : 0;
    if (height !== last) report((last = height));
  };
  const sizes = new ResizeObserver(emit);
  const find = () => {
    const panel = root.querySelector('.fl-helper');
    if (panel !== watched) {
      if (watched) sizes.unobserve(watched);
      watched = panel;
      if (panel) sizes.observe(panel);
      emit();
    }
  };
  const tree = new MutationObserver(find);
  tree.observe(root, { childList: true, subtree: true });
  find();
  return () => {
    tree.disconnect();
    sizes.disconnect();
  };
}
