// SPDX-License-Identifier: MIT
import { MomentSurvey, useMoment, useMomentsEvent } from '@moments/react';
import { createElement as h, useEffect, useState, type ReactElement } from 'react';
import { Link, navigate } from './router.js';

const ORDER = 'A-2002';

export function Checkout(): ReactElement {
  return h(
    'section',
    null,
    h('h1', null, 'Checkout'),
    h('p', null, '1 × Colombia Huila, 250 g — €12.50'),
    h('button', { type: 'button', onClick: () => navigate('/react-spa/confirmation') }, 'Place order'),
  );
}

export function Confirmation(): ReactElement {
  // The moment of truth: fired by the view that confirms the order.
  useMoment('purchase', { orderId: ORDER });
  return h(
    'section',
    null,
    h('h1', null, 'Thank you, your order is confirmed'),
    h('p', null, `Order ${ORDER}. `, h(Link, { href: '/react-spa/tracking' }, 'Track your order')),
  );
}

export function Tracking(): ReactElement {
  const [delivered, setDelivered] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setDelivered(true), 300);
    return () => clearTimeout(timer);
  }, []);
  useMoment('delivery', { orderId: ORDER }, { when: delivered });
  return h(
    'section',
    null,
    h('h1', null, 'Order tracking'),
    h('p', { role: 'status' }, delivered ? 'Delivered today at 10:42.' : 'Out for delivery…'),
    h('p', null, h(Link, { href: '/react-spa/' }, 'Back to the shop')),
    h(MomentSurvey, { survey: 'delivery-csat' }),
  );
}

/** Shows the last answer, as an app forwarding answers to its own analytics would. */
export function AnswerLog(): ReactElement {
  const [last, setLast] = useState<string>('');
  useMomentsEvent('answered', ({ answer }) => setLast(`${answer.moment}: ${String(answer.value)}`));
  return h('p', { 'aria-live': 'polite', className: 'answer-log' }, last && `Last answer — ${last}`);
}
