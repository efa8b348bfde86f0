// A sign-in the server makes wait (429 with Retry-After, api.js `retryAfterSeconds`), shown the same way on the journal
// and the console (assets/signin.js): the Sign in button stays off until then and the sentence counts down to it, in
// words ("1 second", "45 seconds", "about 3 minutes"). The server refuses an early attempt anyway; this keeps a
// person from trying in vain. It said "Try again in 1 seconds." and never changed, with the button on.

const paused = new WeakMap();

/** A wait in words: "1 second", "45 seconds", "about 3 minutes" (90 seconds and more). */
export function waitText(seconds) {
  if (seconds === 1) {
    return '1 second';
  }

  return seconds < 90 ? `${seconds} seconds` : `about ${Math.ceil(seconds / 60)} minutes`;
}

/**
 * Pauses signing in for `seconds`: `button` is disabled until then and `region` (an alert) says `sentence(left,
 * until)` (left: whole seconds still to wait; until: the time it ends, a Date), said again each second; then the
 * button comes back and the sentence goes. The alert is announced once, not every second.
 */
export function pauseSignIn(button, region, seconds, sentence) {
  clearInterval(paused.get(button)?.timer);
  const until = Date.now() + (Math.max(1, seconds) * 1000);
  let first = true;
  const show = () => {
    const left = Math.ceil((until - Date.now()) / 1000);
    if (left <= 0) {
      clearInterval(paused.get(button)?.timer);
      paused.delete(button);
      region.removeAttribute('aria-live');
      region.textContent = '';
      region.hidden = true;
      button.disabled = false;
      return;
    }

    // The first sentence is announced; the countdown after it is read only when someone looks.
    if (!first) {
      region.setAttribute('aria-live', 'off');
    }

    first = false;
    region.textContent = sentence(left, new Date(until));
    region.hidden = false;
  };
  button.disabled = true;
  region.removeAttribute('aria-live');
  show();
  paused.set(button, { until, timer: setInterval(show, 1000) });
}

/** Whether signing in with `button` is paused now (its button must stay off). */
export function signInPaused(button) {
  return (paused.get(button)?.until ?? 0) > Date.now();
}
