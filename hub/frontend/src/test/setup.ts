import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, expect } from 'vitest';
import { FakeHub, json } from './server';

export let hub = new FakeHub();

function clearCookies() {
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}

// jsdom has <dialog> but not its modal behaviour.
if (!HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
  };
}

beforeEach(() => {
  hub = new FakeHub();
  hub.install();
  // The home page of the fixtures' doctor asks where onboarding stands; a test that cares declares
  // its own answer, which wins over this one.
  hub.on('GET', '/api/doctors/d-1/onboarding', json({ step: 'DRAFT' }));
  // Screens that show insurers by name ask for them; none unless a test says so.
  hub.on('GET', '/api/doctors/d-1/insurers', json([]));
  clearCookies();
  document.cookie = 'XSRF-TOKEN=token-1; path=/';
  document.documentElement.lang = 'en';
  document.title = 'DocPort';
});

afterEach(() => {
  cleanup();
  expect(hub.unhandled, 'requests without a fake answer').toEqual([]);
});
