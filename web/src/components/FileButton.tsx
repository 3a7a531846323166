interface FileButtonProps {
  label: string;
  /** shown instead of the label while the chosen file is being handled */
  busyLabel: string;
  busy: boolean;
  accept: string;
  onFile: (file: File) => void;
  testId: string;
}

/**
 * A button that opens the file chooser and hands over the chosen file. The input is emptied at
 * once, so choosing the same file again (after fixing it) is a change too.
 */
export function FileButton({ label, busyLabel, busy, accept, onFile, testId }: FileButtonProps) {
  return (
    <label className={`button${busy ? ' disabled' : ''}`}>
      {busy ? busyLabel : label}
      <input
        type="file"
        className="visually-hidden"
        accept={accept}
        disabled={busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
        data-testid={testId}
      />
    </label>
  );
}
