// Builds elements safely: text is only ever set as textContent, attributes one by one; never innerHTML, so data
// from the API (names, notes) cannot become markup or script.

/**
 * el('button', {type: 'submit', class: 'primary', onclick: f}, 'Save'): attributes (`on…` become listeners,
 * `class` may be an array, `false`/null are left out, `true` sets an empty attribute) and children (nodes or text).
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === false || value === null || value === undefined) {
      continue;
    }

    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'style') {
      throw new Error('style attributes are refused by the content security policy: use a class');
    } else if (name === 'class') {
      element.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }

  append(element, ...children);
  return element;
}

/** Appends nodes and text (text as text nodes); null, undefined and false are skipped; arrays are flattened. */
export function append(parent, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }

    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }

  return parent;
}

/** Replaces an element's children. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, ...children);
}

/** The element with this id (throws when the page lacks it: a bug, not a state to handle). */
export function byId(id) {
  const element = document.getElementById(id);
  if (!element) {
    throw new Error(`#${id} is missing from the page`);
  }

  return element;
}

/** Shows a status message in a live region (role=status) or an alert (role=alert) element. */
export function say(region, message) {
  region.textContent = message ?? '';
  region.hidden = !message;
}

/** A labelled form field: <label for=id>text</label> then the control; answers [label, control]. */
export function field(text, control) {
  if (!control.id) {
    throw new Error('a labelled control needs an id');
  }

  return [el('label', { for: control.id }, text), control];
}

/** Formats an ISO date-time in the reader's locale, e.g. "1 Dec 2026, 09:14". */
export function when(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * Opens a modal dialog over the page: `content(close)` gives its children, placing the Close button it is handed
 * (Escape closes it too). The dialog is removed once closed, and the focus goes back to `opener` if it is still there.
 */
export function showDialog(opener, attributes, content) {
  const close = el('button', { type: 'button', class: 'primary' }, 'Close');
  const dialog = el('dialog', attributes, content(close));
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener.isConnected) {
      opener.focus();
    }
  });
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
  return dialog;
}

const working = new WeakSet();

/**
 * Runs `work()` for a button that creates or changes something, once at a time: while it runs the button and
 * `others` are disabled and the button says it is working (aria-busy, a spinner beside its words, base.css), and a
 * second press meanwhile is ignored (a double click once added the same child twice). They come back on the answer,
 * whatever it was. `key` (default the button) names what may not run twice, e.g. a form. Answers work's answer.
 */
export async function whileWorking(button, work, { others = [], key = button } = {}) {
  if (working.has(key)) {
    return undefined;
  }

  const buttons = [button, ...others].filter(Boolean);
  const wasDisabled = buttons.map((b) => b.disabled);
  working.add(key);
  buttons.forEach((b) => { b.disabled = true; });
  button?.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    working.delete(key);
    button?.removeAttribute('aria-busy');
    buttons.forEach((b, i) => { b.disabled = wasDisabled[i]; });
  }
}

/**
 * A form's submit (the page's own, default prevented) handled by `handler(event)` through `whileWorking`: its
 * submit buttons are off and the one used shows it is working until the answer, and a second submit meanwhile
 * (a double click, Enter twice) is ignored.
 */
export function onSubmit(form, handler) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const buttons = [...form.querySelectorAll('button[type="submit"], button:not([type])')];
    const used = event.submitter ?? buttons[0];
    whileWorking(used, () => handler(event), { others: buttons.filter((b) => b !== used), key: form });
  });
}
