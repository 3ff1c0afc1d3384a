import { Form } from "../../components/form";
import { sendOrErrors } from "../../components/form-errors";
import { useFormSubmit } from "../../components/use-form-submit";

/**
 * A button that asks the API for a page of Stripe's (onboarding, checkout) and goes there. A
 * refusal (not set up, Stripe unreachable) is shown as the form's error, in the server's words.
 */
export function StripeRedirectForm({ label, start, secondary = false }: { label: string; start(): Promise<string>; secondary?: boolean }) {
  const form = useFormSubmit(async () =>
    sendOrErrors({}, async () => {
      const url = await start();
      window.location.assign(url);
    }),
  );
  return <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel={label} secondary={secondary} />;
}
