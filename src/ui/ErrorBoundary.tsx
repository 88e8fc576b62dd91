/** Catches rendering errors so a broken view hands the page back to the blog instead of leaving it blank. */
import { Component, type ComponentChildren } from 'preact';

export class ErrorBoundary extends Component<{ onError: (error: unknown) => void; children?: ComponentChildren }, { failed: boolean }> {
  override state = { failed: false };

  override componentDidCatch(error: unknown): void {
    this.setState({ failed: true });
    this.props.onError(error);
  }

  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
