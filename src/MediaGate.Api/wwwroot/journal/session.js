// Parents' sign-in, who-am-I and sign-out for the journal (api.md Sessions; README GET/DELETE /api/session).
// The request is made here rather than through the shared form because a lockout answer (429) carries the time to
// wait in its Retry-After header, which the page turns into a plain "try again at 09:31" and a disabled button
// (issue 8, Security: rate limits and lockout must be visible to the person, not only enforced).
import { api, ApiError, errorOf, setToken, signOut, token } from '/assets/api.js';

/** Signs in; answers the session `{token, role}` or throws an ApiError (with `retryAfterSeconds` on a lockout). */
export async function signInParent(username, password) {
  let response;
  try {
    response = await fetch('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'MediaGate cannot be reached. Check the network connection and try again.', null);
  }

  if (!response.ok) {
    const error = await errorOf(response);
    if (response.status === 429) {
      error.retryAfterSeconds = retryAfterSeconds(response.headers.get('Retry-After'));
    }

    throw error;
  }

  const session = await response.json();
  setToken(session.token);
  return session;
}

/** The signed-in account `{accountId, username, role}`, or null when there is no token or it is refused. */
export async function currentSession() {
  if (!token()) {
    return null;
  }

  try {
    return await api('/api/session');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      return null;
    }

    throw e;
  }
}

export { signOut };

/** Retry-After is seconds (RFC 9110 also allows an HTTP date); null when it is neither. */
function retryAfterSeconds(header) {
  if (!header) {
    return null;
  }

  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) {
    return Math.ceil(seconds);
  }

  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
