// A tablet's set-up link (README, "Devices"): the Devices page shows it, as a QR code and as text, when a tablet is
// registered, and the tablet page enrols from it. It is `https://<origin>/tablet/#device=<id>&secret=<secret>`: the
// id and secret are in the fragment, never the query, because a browser never sends a fragment to the server, so
// they are in no request line, access log or proxy log. The fragment is form-encoded (URLSearchParams both ways),
// so an id or secret of any characters arrives unchanged.

const tabletPath = '/tablet/';

/** The set-up link of a registered tablet, on this service's address (`location.origin`). */
export function setupLink(origin, deviceId, deviceSecret) {
  return `${origin}${tabletPath}#${new URLSearchParams({ device: deviceId, secret: deviceSecret })}`;
}

/**
 * Reads a set-up link from a URL fragment (`location.hash`): null when the fragment is not one (it names neither
 * `device` nor `secret`, like the skip link's `#main`); `{deviceId, deviceSecret}` when it names both, once each,
 * not empty, and nothing else; anything else is `{damaged: true}`, used for nothing.
 */
export function readSetupLink(hash) {
  const fields = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const devices = fields.getAll('device');
  const secrets = fields.getAll('secret');
  if (devices.length === 0 && secrets.length === 0) {
    return null;
  }

  const others = [...fields.keys()].filter((key) => key !== 'device' && key !== 'secret');
  if (devices.length !== 1 || secrets.length !== 1 || !devices[0].trim() || !secrets[0].trim() || others.length > 0) {
    return { damaged: true };
  }

  return { deviceId: devices[0], deviceSecret: secrets[0] };
}
