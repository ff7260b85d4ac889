import { Component, type ComponentChildren } from 'preact';

/** Each panel renders inside one: a panel that throws marks its feature failed, the rest of the sidebar stays. */
export class FeatureBoundary extends Component<{ onError: (error: unknown) => void; children: ComponentChildren }, { failed: boolean }> {
  override state = { failed: false };
  static override getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    this.props.onError(error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
