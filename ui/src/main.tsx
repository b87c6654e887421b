import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Fonts ship inside the app (no network): Atkinson Hyperlegible for the UI, Literata for writing.
import '@fontsource/atkinson-hyperlegible/latin-400.css';
import '@fontsource/atkinson-hyperlegible/latin-ext-400.css';
import '@fontsource/atkinson-hyperlegible/latin-700.css';
import '@fontsource/atkinson-hyperlegible/latin-ext-700.css';
import '@fontsource/literata/latin-400.css';
import '@fontsource/literata/latin-ext-400.css';
import './theme/tokens.css';
import './theme/base.css';
import './components/components.css';
import { App } from './app/App';

// Object.prototype is sealed so that nothing can add properties to it (prototype pollution:
// `obj.__proto__.isAdmin = true` and the like throw instead). Tauri's `freezePrototype` would
// go further and make its existing properties read-only too, but that breaks libraries that set
// `constructor`/`toString` on their own objects by assignment (recharts' decimal.js-light does
// `o.constructor = Decimal` for every number: "Attempted to assign to readonly property", a
// blank window). Sealing keeps the protection against added properties without that. It runs
// after every module above has been evaluated and before the app renders or talks to the
// backend; the end-to-end suite checks it in the real window. The areas loaded later (their own
// chunks: first run, the session, Journal, the charts, …) are evaluated after the seal, so no
// library in them may add to Object.prototype (none does; assigning own properties is fine).
Object.seal(Object.prototype);

const root = document.getElementById('root');
if (!root) throw new Error('Cove: #root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
