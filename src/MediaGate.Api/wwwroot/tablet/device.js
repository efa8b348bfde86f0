// This tablet's enrolment (api.md, Sessions: POST /api/tablet/session) and the staff member signed in on it.
import { api, setToken, signOut, token } from '/assets/api.js';

// The device id and secret are kept in localStorage, not sessionStorage: they belong to the tablet, not to a
// person, and must survive the browser being closed or the tablet restarting (enrolment is done once by the
// manager). They are not enough on their own: every sign-in also needs a staff member's username and PIN, and the
// manager revokes a lost tablet (DELETE /api/manager/devices/{id}), after which the secret is refused. The staff
// token stays in sessionStorage (assets/api.js), so closing the page signs the staff member out.
const deviceKey = 'mediagate.tablet.device';
const staffKey = 'mediagate.tablet.staff';

/** The enrolled device `{deviceId, deviceSecret}`, or null. */
export function enrolledDevice() {
  try {
    const device = JSON.parse(localStorage.getItem(deviceKey) ?? 'null');
    return device && device.deviceId && device.deviceSecret ? device : null;
  } catch {
    return null;
  }
}

/**
 * Checks the device id and secret with the service (POST /api/tablet/enrolment), then keeps them. A wrong pair is
 * refused here, where it was typed, not later at every staff sign-in as "credentials are wrong" (where staff would
 * retype their PIN into the sign-in delays). Throws an ApiError (401 wrong or revoked, 0 offline): nothing is kept.
 */
export async function enrol(deviceId, deviceSecret) {
  const device = { deviceId: deviceId.trim(), deviceSecret: deviceSecret.trim() };
  await api('/api/tablet/enrolment', { method: 'POST', json: device });
  localStorage.setItem(deviceKey, JSON.stringify(device));
}

export function forgetDevice() {
  localStorage.removeItem(deviceKey);
}

/** The username of the staff member signed in now (queued photos remember who took them), or null. */
export function signedInStaff() {
  return token() ? sessionStorage.getItem(staffKey) : null;
}

/** Signs a staff member in on this device; throws an ApiError (401 wrong PIN or revoked device, 429 locked out). */
export async function staffSignIn(username, pin) {
  const device = enrolledDevice();
  if (!device) {
    throw new Error('This tablet is not set up yet.');
  }

  const session = await api('/api/tablet/session', {
    method: 'POST',
    json: { deviceId: device.deviceId, deviceSecret: device.deviceSecret, username, pin },
  });
  setToken(session.token);
  sessionStorage.setItem(staffKey, username);
}

export async function staffSignOut() {
  await signOut();
  sessionStorage.removeItem(staffKey);
}
