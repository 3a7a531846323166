import { notesMarkdown } from '../../../src/cobuild/notes.ts';
import type { ReleasePreview } from '../api/cobuild.ts';
import { useI18n } from '../i18n/context.tsx';

/** Release notes in the reader's language, written here from the structured notes the server sends. */
export function ReleaseNotes({ notes, testId }: { notes: ReleasePreview['notes']; testId: string }) {
  const { lang } = useI18n();
  return (
    <pre className="small" style={{ whiteSpace: 'pre-wrap' }} data-testid={testId}>
      {notesMarkdown(notes, lang)}
    </pre>
  );
}
