// The pages' one way to call the MediaGate API (README, Pages): the bearer token lives in sessionStorage
// (gone when the tab closes; never a cookie, so there is nothing for another site to ride on: no CSRF), every
// request carries it, and an error answer (RFC 9457 ProblemDetails) becomes an ApiError with a plain message.

const tokenKey = 'mediagate.token';

/**
 * An answer that was not 2xx: `message` is fit to show a person; `status` and `problem` are for the code, and a 429's
 * `retryAfterSeconds` (its Retry-After, or null) for a page that waits (`/assets/lockout.js`).
 */
export class ApiError extends Error {
  constructor(status, message, problem) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

export function token() {
  return sessionStorage.getItem(tokenKey);
}

export function setToken(value) {
  if (value) {
    sessionStorage.setItem(tokenKey, value);
  } else {
    sessionStorage.removeItem(tokenKey);
  }
}

/** Headers for a request made outside `api` (XMLHttpRequest uploads, image fetches). */
export function authHeaders(headers = {}) {
  const value = token();
  return value ? { ...headers, Authorization: `Bearer ${value}` } : { ...headers };
}

/**
 * Calls the API. `json` is sent as a JSON body; `body` (FormData, Blob) as it is. Answers with the parsed JSON, the
 * text of a text answer, the Response itself when `raw` is set, or null for an empty answer. An `anonymous` call (one
 * that needs no token, such as a tablet's enrolment check) sends no token, and its 401 leaves the session alone: a
 * wrong set-up link opened on a tablet must not sign out the practitioner working on it.
 */
export async function api(path, { method = 'GET', json, body, headers = {}, raw = false, anonymous = false } = {}) {
  const init = { method, headers: anonymous ? { ...headers } : authHeaders(headers), cache: 'no-store' };
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (body !== undefined) {
    init.body = body;
  }

  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'MediaGate cannot be reached. Check the network connection and try again.', null);
  }

  if (!response.ok) {
    throw await errorOf(response, { keepSession: anonymous });
  }

  if (raw) {
    return response;
  }

  if (response.status === 204 || response.headers.get('Content-Length') === '0') {
    return null;
  }

  const type = response.headers.get('Content-Type') ?? '';
  return type.includes('json') ? response.json() : response.text();
}

/**
 * An ApiError from a failed answer: the ProblemDetails' detail (or title), else a plain sentence for the status. A 401
 * ends the session (the token expired or was revoked) unless `keepSession` (the call sent no token).
 */
export async function errorOf(response, { keepSession = false } = {}) {
  let problem = null;
  try {
    const type = response.headers.get('Content-Type') ?? '';
    if (type.includes('json')) {
      problem = await response.json();
    }
  } catch {
    problem = null;
  }

  if (response.status === 401 && !keepSession) {
    setToken(null);
  }

  const told = problem && (problem.detail || problem.title);
  const error = new ApiError(response.status, told || plainStatus(response.status), problem);
  if (response.status === 429) {
    error.retryAfterSeconds = retryAfterSeconds(response.headers.get('Retry-After'));
  }

  return error;
}

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

function plainStatus(status) {
  switch (status) {
    case 401: return 'Please sign in again.';
    case 403: return 'You may not do that.';
    case 404: return 'That was not found.';
    case 413: return 'That file is too large.';
    case 429: return 'Too many attempts. Wait a moment and try again.';
    default: return status >= 500 ? 'MediaGate had a problem. Try again in a moment.' : `The request was refused (${status}).`;
  }
}

/** Signs in with a username and password; keeps the token and answers `{token, role}`. */
export async function signIn(username, password) {
  const session = await api('/api/session', { method: 'POST', json: { username, password } });
  setToken(session.token);
  return session;
}

/** Signs out: the server refuses this token from now on (DELETE /api/session); the copy here is dropped whatever happens. */
export async function signOut() {
  try {
    if (token()) {
      await api('/api/session', { method: 'DELETE' });
    }
  } catch {
    // Already expired or revoked, or offline: the token is forgotten here all the same.
  } finally {
    setToken(null);
  }
}

/** Fetches an image with the token and answers an object URL for an <img> (revoke it when the image goes). */
export async function imageUrl(path) {
  const response = await api(path, { raw: true });
  return URL.createObjectURL(await response.blob());
}
