// Sets the colour scheme before React loads so a dark-mode user does not see a white flash.
// Mirrors Mantine's ColorSchemeScript; the key must match the manager in src/App.tsx.
(() => {
  try {
    const stored = window.localStorage.getItem("accord.color-scheme");
    const scheme = stored === "light" || stored === "dark" || stored === "auto" ? stored : "auto";
    const computed =
      scheme !== "auto"
        ? scheme
        : window.matchMedia("(prefers-color-scheme: dark)").matches
          ? "dark"
          : "light";
    document.documentElement.setAttribute("data-mantine-color-scheme", computed);
    const lang = window.localStorage.getItem("accord.locale");
    if (lang === "ru" || lang === "en") document.documentElement.setAttribute("lang", lang);
  } catch {
    // Storage may be disabled (private mode); Mantine falls back to "auto" on its own.
  }
})();
