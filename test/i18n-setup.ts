import { beforeEach } from 'vitest';
import { setLocale } from './i18n';

// Every unit test reads the English UI unless it asks for another language (`setLocale`).
setLocale('en');
beforeEach(() => setLocale('en'));
