/** A form's submit button, and Cancel beside it when the form was opened in place (a reply, a change). */
export function SubmitOrCancel({ label, sending, warning = false, onCancel }: { label: string; sending: boolean; warning?: boolean; onCancel?: (() => void) | undefined }) {
  return (
    <div className="govuk-button-group">
      <button type="submit" className={`govuk-button${warning ? " govuk-button--warning" : ""}`} data-module="govuk-button" disabled={sending}>
        {label}
      </button>
      {onCancel ? (
        <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </div>
  );
}
