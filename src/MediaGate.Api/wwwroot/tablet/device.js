// This tablet's enrolment (api.md, Sessions: POST /api/tablet/session) and the staff member signed in on it.
import { api, setToken, signOut, token } from '/assets/api.js';

// The device id and secret are kept in localStorage, not sessionStorage: they belong to the tablet, not to a
// person, and must survive the browser being closed or the tablet restarting (enrolment is done once by the
// manager). They are not enough on their own: every sign-in also needs a staff member's username and PIN, and the
// manager revokes a lost tablet (DELETE /api/manager/devices/{id}), after which the secret is refused. The staff
// token stays in sessionStorage (assets/api.js), so closing the page signs the staff member out.
const deviceKey = 'mediagate.tablet.device';
const staffKey = 'mediagate.tablet.staff';

/** The enrolled device `{deviceId, deviceSecret, name?}` (`name` since the service says it), or null. */
export function enrolledDevice() {
  try {
    const device = JSON.parse(localStorage.getItem(deviceKey) ?? 'null');
    return device && device.deviceId && device.deviceSecret ? device : null;
  } catch {
    return null;
  }
}

/**
 * Checks the device id and secret with the service (POST /api/tablet/enrolment → `{deviceId, name}`) and answers the
 * device `{deviceId, deviceSecret, name}`, keeping nothing. A wrong pair is refused here, where it was typed, not later
 * at every staff sign-in as "credentials are wrong" (where staff would retype their PIN into the sign-in delays).
 * Throws an ApiError (401 wrong or revoked, 0 offline).
 */
export async function checkDevice(deviceId, deviceSecret) {
  const device = { deviceId: deviceId.trim(), deviceSecret: deviceSecret.trim() };
  const answer = await api('/api/tablet/enrolment', { method: 'POST', json: device, anonymous: true });
  return { ...device, name: answer?.name || null };
}

/** Keeps a device `checkDevice` answered as this tablet's. */
export function keepDevice(device) {
  localStorage.setItem(deviceKey, JSON.stringify(device));
}

/** Checks the device id and secret, then keeps them (`checkDevice`, `keepDevice`); answers the device kept. */
export async function enrol(deviceId, deviceSecret) {
  const device = await checkDevice(deviceId, deviceSecret);
  keepDevice(device);
  return device;
}

/** How the page names a device: the name the manager gave it, else (a tablet set up before names were sent) its id. */
export function deviceLabel(device) {
  return device.name ? device.name : `device ${device.deviceId}`;
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
