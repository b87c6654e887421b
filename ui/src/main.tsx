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

const root = document.getElementById('root');
if (!root) throw new Error('Cove: #root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
