/**
 * The interface language, provided once at the top of the app. Components
 * read their strings through `useMessages`, so a switch re-renders them in
 * place without a reload.
 */
import { createContext, useContext } from 'react';
import type { Lang } from '../domain/lang';

export const LangContext = createContext<Lang>('en');

export function useLang(): Lang {
  return useContext(LangContext);
}

export function useMessages<T extends Record<string, unknown>>(messages: Readonly<Record<Lang, T>>): T {
  return messages[useContext(LangContext)];
}

