// SPDX-License-Identifier: MIT
// The SPA demo in React 19: checkout → order confirmation → order tracking, with moments fired by
// the hooks of `@moments/react` (the same flow as demo/spa, which uses `@moments/preact`).
import { MomentsProvider } from '@moments/react';
import { createElement as h, StrictMode, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { AnswerLog, Checkout, Confirmation, Tracking } from './pages.js';
import { usePath } from './router.js';

const config = {
  debug: true,
  endpoint: '/collect',
  surveys: [
    {
      id: 'purchase-nps',
      moment: 'purchase',
      question: { type: 'nps', text: 'How likely are you to recommend Tidewater Coffee?' },
      delayMs: 800,
    },
    {
      id: 'delivery-csat',
      moment: 'delivery',
      question: { type: 'csat', text: 'How satisfied are you with the delivery?' },
      placement: 'inline',
    },
  ],
};

function page(path: string): ReactElement {
  if (path.endsWith('/confirmation')) return h(Confirmation);
  if (path.endsWith('/tracking')) return h(Tracking);
  return h(Checkout);
}

function App(): ReactElement {
  const path = usePath();
  return h(
    MomentsProvider,
    { config },
    h('header', null, h('strong', null, 'Tidewater Coffee')),
    h('main', null, page(path), h(AnswerLog)),
  );
}

// StrictMode, as Vite's React template starts (its double effects in development are unit-tested).
createRoot(document.getElementById('app')!).render(h(StrictMode, null, h(App)));
