import { afterEach, describe, expect, it, vi } from 'vitest';
import { observeMarkup, readMarkupContext } from '../../../src/eager/triggers/markup.js';

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

describe('observeMarkup (more sources)', () => {
  it('fires submit moments when the marked form is submitted', () => {
    document.body.innerHTML =
      '<form data-moment="ticket-sent" data-moment-on="submit" data-moment-context-ticket-id="T-1"><button>Send</button></form>';
    const form = document.querySelector('form')!;
    form.addEventListener('submit', (event) => event.preventDefault());
    const fire = vi.fn();
    const stop = observeMarkup(document, fire);
    expect(fire).not.toHaveBeenCalled();
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    expect(fire).toHaveBeenCalledExactlyOnceWith('ticket-sent', { ticketId: 'T-1' });
    stop();
  });

  it('fires each view element once even when it is moved in the DOM', async () => {
    document.body.innerHTML = '<div id="a"><p data-moment="m"></p></div><div id="b"></div>';
    const fire = vi.fn();
    const stop = observeMarkup(document, fire);
    document.getElementById('b')!.append(document.querySelector('p')!);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fire).toHaveBeenCalledTimes(1);
    stop();
  });
});

describe('readMarkupContext (edge cases)', () => {
  it('ignores a bare data-moment-context- attribute and keeps odd names as text keys', () => {
    const el = document.createElement('div');
    el.setAttribute('data-moment-context-', 'x');
    el.setAttribute('data-moment-context-__proto__', 'p');
    el.setAttribute('data-moment-context-a-b-c', 'abc');
    const context = readMarkupContext(el);
    expect(Object.getPrototypeOf(context)).toBe(Object.prototype);
    expect(context['aBC']).toBe('abc');
    expect(Object.keys(context)).not.toContain('');
  });
});
