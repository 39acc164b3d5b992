import { configure } from '@testing-library/dom';

// `findBy…` and `waitFor` give up after 1 s by default. Saving a note goes through fake
// IndexedDB and several renders; on a loaded two-core CI machine that can take longer, so a
// slow pass would otherwise read as a failure.
configure({ asyncUtilTimeout: 5_000 });
