// First: a `?data=` dataset downloads while the rest starts up.
import './data/start-dataset-download';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from './data/query-client';
import { AtlasApp } from './app/atlas-app';

const queryClient = createQueryClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AtlasApp />
    </QueryClientProvider>
  </StrictMode>,
);
