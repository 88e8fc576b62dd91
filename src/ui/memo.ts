/** A minimal `memo` for Preact components (shallow props comparison) without pulling in preact/compat. */
import { Component, h, type ComponentType, type FunctionComponent } from 'preact';

function shallowEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => Object.is(a[key], b[key]));
}

/** Skip re-rendering `Inner` when its props are shallowly equal; its own hooks still update it. */
export function memo<P extends object>(Inner: FunctionComponent<P>): ComponentType<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return !shallowEqual(this.props as Record<string, unknown>, next as Record<string, unknown>);
    }
    override render() {
      return h(Inner as ComponentType<P>, this.props);
    }
  }
  (Memo as unknown as { displayName: string }).displayName = `Memo(${Inner.displayName ?? Inner.name})`;
  return Memo;
}
