// The console's password sign-in form (api.md, Sessions: POST /api/session). The server makes repeated failures wait
// (429 with Retry-After): the form then says so, counting down ("Try again in 1 second."), with the button off until
// then, as the journal does (lockout.js).
import { ApiError, signIn, signOut } from './api.js';
import { el, field, say } from './dom.js';
import { pauseSignIn, signInPaused, waitText } from './lockout.js';

/**
 * A sign-in form for accounts of `role` ('parent' or 'manager'); calls `onSignedIn(session)` once signed in with
 * that role. Someone signing in with another role is signed out again and told which page is theirs.
 */
export function signInForm({ role, idPrefix = 'signin', onSignedIn }) {
  const username = el('input', { id: `${idPrefix}-username`, name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const password = el('input', { id: `${idPrefix}-password`, name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = el('p', { class: 'message error', role: 'alert', hidden: true });
  const submit = el('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = el('form', { class: 'panel', 'aria-labelledby': `${idPrefix}-title` },
    el('h2', { id: `${idPrefix}-title` }, 'Sign in'),
    field('Username', username),
    field('Password', password),
    error,
    el('div', { class: 'actions' }, submit));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (signInPaused(submit)) {
      return;
    }

    say(error, '');
    submit.disabled = true;
    try {
      const session = await signIn(username.value.trim(), password.value);
      if (session.role !== role) {
        await signOut();
        say(error, `This page is for ${role} accounts. Your account is a ${session.role} account.`);
        return;
      }

      password.value = '';
      onSignedIn(session);
    } catch (e) {
      if (e instanceof ApiError && e.status === 429) {
        pauseSignIn(submit, error, e.retryAfterSeconds ?? 60, (left) => `Too many failed sign-ins. Try again in ${waitText(left)}.`);
      } else {
        say(error, e instanceof ApiError ? e.message : 'Sign-in failed.');
      }
    } finally {
      submit.disabled = signInPaused(submit);
    }
  });

  return form;
}
