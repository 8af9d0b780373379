import { afterEach, describe, expect, it, vi } from 'vitest';
import { observeMarkup, readMarkupContext } from '../../src/triggers/markup.js';

afterEach(() => void (document.body.innerHTML = ''));

describe('readMarkupContext', () => {
  it('turns data-moment-context-<kebab-key> into camelCase keys', () => {
    const el = document.createElement('section');
    el.setAttribute('data-moment-context-order-id', 'A-1');
    el.setAttribute('data-moment-context-total', '42');
    el.setAttribute('data-moment-on', 'click');
    expect(readMarkupContext(el)).toEqual({ orderId: 'A-1', total: '42' });
  });
});

describe('observeMarkup', () => {
  it('fires view moments for elements present at start, once each', async () => {
    document.body.innerHTML = '<section data-moment="purchase" data-moment-context-order-id="A-1"></section>';
    const fire = vi.fn();
    const stop = observeMarkup(document, fire);
    expect(fire).toHaveBeenCalledExactlyOnceWith('purchase', { orderId: 'A-1' });
    stop();
  });

  it('fires for elements inserted later, and stops firing after stop()', async () => {
    const fire = vi.fn();
    const stop = observeMarkup(document, fire);
    const late = document.createElement('div');
    late.innerHTML = '<p data-moment="delivered"></p>';
    document.body.append(late);
    await vi.waitFor(() => expect(fire).toHaveBeenCalledWith('delivered', {}));
    stop();
    document.body.insertAdjacentHTML('beforeend', '<p data-moment="ignored"></p>');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fire).not.toHaveBeenCalledWith('ignored', {});
  });

  it('fires click moments on click, not on view', () => {
    document.body.innerHTML = '<button data-moment="support-close" data-moment-on="click"><span>Close</span></button>';
    const fire = vi.fn();
    const stop = observeMarkup(document, fire);
    expect(fire).not.toHaveBeenCalled();
    document.querySelector('span')!.click();
    expect(fire).toHaveBeenCalledExactlyOnceWith('support-close', {});
    stop();
  });
});
