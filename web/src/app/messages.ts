import { addMessages, sharedMessages, type Messages } from '../i18n';
import { FEATURES } from '../features';
import type { FeatureManifest } from './feature';

/** The dictionary of these features, and the keys defined twice (by two features, or by a feature and the shared words). */
export function assembleMessages(features: readonly FeatureManifest[]): { messages: Messages; duplicates: string[] } {
  const messages: Messages = { ...sharedMessages };
  const owner = new Map<string, string>(Object.keys(sharedMessages).map((k) => [k, 'shared']));
  const duplicates: string[] = [];
  for (const f of features) {
    for (const [key, entry] of Object.entries(f.messages ?? {})) {
      const first = owner.get(key);
      if (first) duplicates.push(`${key} (${first}, ${f.name})`);
      else owner.set(key, f.name);
      messages[key] = entry;
    }
  }
  return { messages, duplicates };
}

/** Adds every feature's words to the dictionary; main.tsx calls it before the first render. */
export function installFeatureMessages(features: readonly FeatureManifest[] = FEATURES): void {
  for (const f of features) if (f.messages) addMessages(f.messages);
}
