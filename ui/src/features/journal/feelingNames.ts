// Feeling names for chips and the feeling filter; the feelings area owns the vocabulary.
import { useFeelingName } from '../feelings/useFeelingName';

export function useFeelingNames(): (feelingId: string) => string {
  return useFeelingName();
}
