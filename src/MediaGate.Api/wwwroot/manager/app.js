// Placeholder: the page is built on the shared foundation (/assets/api.js, dom.js, signin.js, base.css).
