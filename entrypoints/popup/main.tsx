import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PopupApp } from '~/components/popup/PopupApp';
import { targetTabId } from '~/lib/popup/target-tab';
import './popup.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PopupApp findTab={() => targetTabId(location.search)} />
  </StrictMode>,
);
