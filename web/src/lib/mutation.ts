import type { UseMutationResult } from "@tanstack/react-query";

type Callbacks<O> = { onSuccess?: (output: O) => void; onError?: (error: unknown) => void };

/**
 * Runs a mutation, then its callbacks. `mutate`'s own per-call callbacks are dropped when the
 * calling component unmounts first — and a form keyed by its record's version does unmount on
 * save, as soon as the refetch the save triggers brings the new version. Callbacks chained on
 * `mutateAsync` fire regardless, so the "saved" notice is never lost.
 */
export function runMutation<I, O>(
  mutation: Pick<UseMutationResult<O, unknown, I, unknown>, "mutateAsync">,
  input: I,
  { onSuccess, onError }: Callbacks<O> = {},
): void {
  mutation.mutateAsync(input).then(onSuccess, (error: unknown) => onError?.(error));
}
