// @vitest-environment node
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MomentsProvider, MomentSurvey, useMoment, useMoments, useMomentsEvent } from '../src/index.js';

describe('server rendering (react-dom/server)', () => {
  it('renders a tree with <MomentsProvider> and <MomentSurvey> to markup without touching browser globals', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    function Confirmation() {
      useMoment('purchase', { orderId: 'A-1' });
      useMomentsEvent('answered', () => undefined);
      return h('main', null, h('h1', null, `client: ${String(useMoments())}`), h(MomentSurvey, { survey: 'post-purchase' }));
    }
    const config = { endpoint: 'https://collect.example/answers', surveys: [] };
    const html = renderToString(h(MomentsProvider, { config }, h(Confirmation)));
    expect(html).toBe('<main><h1>client: null</h1><moment-survey data-survey="post-purchase"></moment-survey></main>');
  });
});
