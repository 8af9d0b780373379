// SPDX-License-Identifier: MIT
// The SPA demo: checkout → order confirmation → order tracking, with moments fired by hooks.
import { MomentsProvider } from '@moments/preact';
import { h, render, type JSX } from 'preact';
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

function App(): JSX.Element {
  const path = usePath();
  const page = path.endsWith('/confirmation') ? h(Confirmation, {}) : path.endsWith('/tracking') ? h(Tracking, {}) : h(Checkout, {});
  return h(MomentsProvider, { config }, h('header', null, h('strong', null, 'Tidewater Coffee')), h('main', null, page, h(AnswerLog, {})));
}

render(h(App, {}), document.getElementById('app')!);
