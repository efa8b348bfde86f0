// A QR code as an SVG element (the Devices page's set-up link). uqr (npm, MIT, served by MediaGate under
// /vendor/uqr/) makes the module matrix; the SVG is built here node by node, never from a markup string. Dark on
// white whatever the page's colours, with the standard 4-module quiet zone, and at least minPixels wide on screen
// with whole pixels per module (crisp edges), so a tablet's camera reads it from a screen.
import { encode } from '/vendor/uqr/index.mjs';

const svgNs = 'http://www.w3.org/2000/svg';
const quietZone = 4;
const minPixels = 240;

/** An `<svg role="img">` of `text` (error correction M: 15% of the code may be unreadable), named by `label`. */
export function qrCode(text, label) {
  const { size, data } = encode(text, { ecc: 'M', border: quietZone });
  const pixels = Math.ceil(minPixels / size) * size;
  const svg = svgElement('svg', {
    viewBox: `0 0 ${size} ${size}`, width: pixels, height: pixels, role: 'img', 'aria-label': label,
    'shape-rendering': 'crispEdges', class: 'qr-code',
  });
  let path = '';
  data.forEach((row, y) => row.forEach((dark, x) => {
    if (dark) {
      path += `M${x} ${y}h1v1h-1z`;
    }
  }));
  svg.append(
    svgElement('rect', { width: size, height: size, fill: '#ffffff' }),
    svgElement('path', { d: path, fill: '#000000' }));
  return svg;
}

function svgElement(tag, attributes) {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, String(value));
  }

  return element;
}
