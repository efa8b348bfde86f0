// Parents' sign-in, who-am-I and sign-out for the journal (api.md Sessions; README GET/DELETE /api/session).
// The request is made here rather than through the shared form because a lockout answer (429) carries the time to
// wait in its Retry-After header, which the page turns into a plain "try again at 09:31" and a disabled button
// (issue 8, Security: rate limits and lockout must be visible to the person, not only enforced).
import { api, ApiError, errorOf, setToken, signOut, token } from '/assets/api.js';

/** Signs in; answers the session `{token, role}` or throws an ApiError (with `retryAfterSeconds` on a lockout, api.js). */
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
    throw await errorOf(response);
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
