import { Component, type ReactNode } from 'react';

interface State {
  failed: boolean;
}

/**
 * A chart that cannot draw (no canvas context: locked-down browser, test DOM) must not take
 * the feedback report and the rest of the Insights tab down with it.
 */
export class ChartBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render() {
    if (this.state.failed) return <p className="pane-message muted">This chart could not be drawn in this browser.</p>;
    return this.props.children;
  }
}
