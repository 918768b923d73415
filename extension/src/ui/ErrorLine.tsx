/** A refusal or failure, read out by screen readers as soon as it appears. */
export function ErrorLine({ message }: { message: string | null | false | undefined }) {
  if (!message) return null;
  return (
    <p class="error" role="alert">
      {message}
    </p>
  );
}
