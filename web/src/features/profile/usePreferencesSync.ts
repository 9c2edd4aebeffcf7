import { useMantineColorScheme } from "@mantine/core";
import { useEffect } from "react";
import type { User } from "../../../../contracts/auth";
import { setLocale } from "../../i18n";

/**
 * Applies the profile's language and theme when they change on the server side (sign-in, another
 * device). Keyed on the values, not the user object, so a pending local change is not undone by a
 * refetch that still carries the old value.
 */
export function usePreferencesSync(user: User): void {
  const { setColorScheme } = useMantineColorScheme();
  useEffect(() => {
    setLocale(user.locale, { signedIn: true });
  }, [user.locale]);
  useEffect(() => {
    setColorScheme(user.theme);
  }, [user.theme, setColorScheme]);
}
