/** Comment actions go where they say (row or the comment's "More actions" menu); a plain component, the older form, goes in the row. */
import { describe, expect, it, vi } from 'vitest';
import { placeCommentActions } from '../../../src/ui/run-features';

// run-features reaches the sidebar host, whose storage goes through the browser module.
vi.mock('webextension-polyfill', () => ({ default: {} }));

const Save = () => <button type="button">Save</button>;
const Mine = () => <button type="button">Mine</button>;
const Why = () => <button type="button">Why</button>;

describe('placeCommentActions', () => {
  it('puts a plain component in the row, as before places existed', () => {
    expect(placeCommentActions([{ commentActions: Save }, {}])).toEqual({ row: [Save], menu: [] });
  });

  it('puts one placed component, or each of a list, in its place, in feature order', () => {
    const placed = placeCommentActions([
      { commentActions: { place: 'menu', component: Mine } },
      {
        commentActions: [
          { place: 'row', component: Save },
          { place: 'menu', component: Why },
        ],
      },
    ]);
    expect(placed).toEqual({ row: [Save], menu: [Mine, Why] });
  });
});
