import { Fragment, type ReactNode } from 'react';

/**
 * A translated sentence with elements in it ("Mark terms on <strong>example.org</strong>"): the
 * message keeps its `{name}` placeholders (ask `i18n.t` to fill each with itself), and each is
 * replaced here by its element. Translations may move the placeholders; text stays whole.
 */
export function RichText({ text, parts }: { text: string; parts: Record<string, ReactNode> }) {
  const pieces = text.split(/\{([A-Za-z0-9_]+)\}/);
  return (
    <>
      {pieces.map((piece, i) =>
        i % 2 === 1 && Object.hasOwn(parts, piece) ? (
          <Fragment key={i}>{parts[piece]}</Fragment>
        ) : (
          <Fragment key={i}>{i % 2 === 1 ? `{${piece}}` : piece}</Fragment>
        ),
      )}
    </>
  );
}
