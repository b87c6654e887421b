// Body sensation labels from the shipped vocabulary (features/feelings owns the words).
import { useCallback } from 'react';
import { useApp } from '../../app/AppContext';
import { sensationById } from '../feelings/vocabulary';

export function useSensationName(): (id: string) => string {
  const { locale } = useApp();
  return useCallback((id: string) => sensationById(id)?.[locale] ?? id.replace(/_/g, ' '), [locale]);
}
