/** Toolbar contributions go where they say (bar, menu, filter area); plain children, the older form, go in the bar. */
import { describe, expect, it, vi } from 'vitest';
import { placeTools } from '../../../src/ui/run-features';

// run-features reaches the sidebar host, whose storage goes through the browser module.
vi.mock('webextension-polyfill', () => ({ default: {} }));

describe('placeTools', () => {
  it('puts plain children in the bar, as before places existed', () => {
    const button = <button type="button">Tool</button>;
    expect(placeTools([button, undefined])).toEqual({ bar: [button], menu: [], filter: [] });
  });

  it('puts one placed contribution, or each of a list, in its place, in feature order', () => {
    const item = <span>item</span>;
    const bar = <span>bar</span>;
    const filter = <span>filter</span>;
    const later = <span>later</span>;
    const placed = placeTools([
      { place: 'menu', content: item },
      [
        { place: 'bar', content: bar },
        { place: 'filter', content: filter },
      ],
      { place: 'menu', content: later },
    ]);
    expect(placed).toEqual({ bar: [bar], menu: [item, later], filter: [filter] });
  });

  it('keeps a list of plain children together in the bar', () => {
    const list = [<span key="a">a</span>, <span key="b">b</span>];
    expect(placeTools([list]).bar).toEqual([list]);
  });
});
