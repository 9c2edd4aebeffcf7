import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./global.css";
import { localStorageColorSchemeManager, MantineProvider } from "@mantine/core";
import { ModalsProvider } from "@mantine/modals";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { I18nextProvider } from "react-i18next";
import { RouterProvider } from "react-router/dom";
import { meKey } from "./features/auth/hooks";
import { i18n } from "./i18n";
import { setUnauthorizedHandler } from "./lib/api";
import { createQueryClient } from "./lib/queryClient";
import { createRouter } from "./routes";
import { theme } from "./theme";

// The key is also read by public/color-scheme.js before React starts.
const colorSchemeManager = localStorageColorSchemeManager({ key: "accord.color-scheme" });

function createApp() {
  const queryClient = createQueryClient();
  const router = createRouter();
  // An expired session mid-work: forget the user, and RequireAuth sends them to /login?next=….
  setUnauthorizedHandler(() => queryClient.setQueryData(meKey, null));
  return { queryClient, router };
}

export function App() {
  const [{ queryClient, router }] = useState(createApp);
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="auto" colorSchemeManager={colorSchemeManager}>
        <QueryClientProvider client={queryClient}>
          <ModalsProvider>
            {/* Bottom-right: at the top they would cover the header controls (language, theme, user menu). */}
            <Notifications position="bottom-right" limit={4} />
            <RouterProvider router={router} />
          </ModalsProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
