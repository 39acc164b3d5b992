import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import { sendToExtension, type Handlers, type RequestSchemas } from '../messaging/protocol';
import { withReadableErrors } from '../notes/protocol';
import { CustomTermSchema, type CustomTerm } from './schema';
import type { CustomTermStore } from './store';

/**
 * How content scripts get the reader's terms. They cannot open the extension's database (in a
 * content script IndexedDB is the page's), so they ask the background, and they ask again when
 * `glossaryRevision` changes: every write to the custom terms bumps it (see `CustomTermStore`'s
 * `onChange`), and `storage.onChanged` reaches every tab at once.
 */
export type CustomTermsProtocol = {
  customTerms: { request: null; response: CustomTerm[] };
};

export const customTermsRequestSchemas: RequestSchemas<CustomTermsProtocol> = {
  customTerms: v.null(),
};

export function customTermsHandlers(store: CustomTermStore): Handlers<CustomTermsProtocol> {
  return {
    customTerms: () => withReadableErrors(() => store.listValid()),
  };
}

const CustomTermListSchema = v.array(CustomTermSchema);

/** For content scripts: the reader's terms, checked again on arrival. */
export async function requestCustomTerms(): Promise<CustomTerm[]> {
  const terms = await sendToExtension<CustomTermsProtocol, 'customTerms'>('customTerms', null);
  return v.parse(CustomTermListSchema, terms);
}

/**
 * A number that changes whenever the reader's terms change. Only its changes matter, so a bad
 * stored value is as good as any other (it is read as 0).
 */
export const glossaryRevision = storage.defineItem<number>('local:glossaryRevision', {
  fallback: 0,
});

export async function bumpGlossaryRevision(): Promise<void> {
  const current = await glossaryRevision.getValue();
  const safe = typeof current === 'number' && Number.isSafeInteger(current) ? current : 0;
  await glossaryRevision.setValue(safe + 1);
}
