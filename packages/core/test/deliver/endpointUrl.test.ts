import { describe, expect, it } from 'vitest';
import { isAppsScript, isAppsScriptEcho, toEndpointUrl } from '../../src/deliver/endpointUrl.js';

describe('toEndpointUrl', () => {
  it('accepts https: anywhere and http: on localhost only', () => {
    expect(toEndpointUrl('https://e.test/a')).toBe('https://e.test/a');
    expect(toEndpointUrl('http://localhost:8080/a')).toBe('http://localhost:8080/a');
    expect(toEndpointUrl('http://[::1]:8080/a')).toBe('http://[::1]:8080/a');
    expect(toEndpointUrl('http://e.test/a')).toBeUndefined();
    expect(toEndpointUrl('data:text/plain,x')).toBeUndefined();
    expect(toEndpointUrl(undefined)).toBeUndefined();
  });

  it('resolves a relative URL against the base', () => {
    expect(toEndpointUrl('/in', 'https://e.test/v1/a')).toBe('https://e.test/in');
    expect(toEndpointUrl('/in')).toBeUndefined();
  });
});

describe('isAppsScript', () => {
  it('knows Apps Script web apps by host', () => {
    expect(isAppsScript('https://script.google.com/macros/s/ID/exec')).toBe(true);
    expect(isAppsScript('https://script.google.com.evil.test/macros/s/ID/exec')).toBe(false);
    expect(isAppsScript('not a url')).toBe(false);
  });
});

describe('isAppsScriptEcho', () => {
  it('knows the URL Apps Script redirects to after doPost', () => {
    expect(isAppsScriptEcho('https://script.googleusercontent.com/macros/echo?user_content_key=k')).toBe(true);
    expect(isAppsScriptEcho('https://e.test/collect')).toBe(false);
  });
});
