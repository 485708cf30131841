import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

// jsdom has <dialog> but may lack its modal methods; these behave as a browser's do.
// (Files in the node environment have no DOM at all.)
if (typeof HTMLDialogElement !== 'undefined') {
  const dialogProto = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
  if (typeof dialogProto.showModal !== 'function') {
    dialogProto.showModal = function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
  }
  if (typeof dialogProto.close !== 'function') {
    dialogProto.close = function (this: HTMLDialogElement) {
      if (!this.hasAttribute('open')) return;
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    };
  }
}

afterEach(() => {
  cleanup();
});
