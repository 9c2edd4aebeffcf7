import { createTheme, type MantineColorsTuple } from "@mantine/core";

// A calm, slightly desaturated blue: reads as "business tool", holds contrast in both schemes.
const brand: MantineColorsTuple = [
  "#eaf2ff",
  "#d3e1fb",
  "#a6c0f2",
  "#769deb",
  "#4e80e4",
  "#356de1",
  "#2763e0",
  "#1a53c7",
  "#1049b3",
  "#003f9f",
];

export const theme = createTheme({
  primaryColor: "brand",
  colors: { brand },
  primaryShade: { light: 7, dark: 5 },
  defaultRadius: "sm",
  fontFamily:
    "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  headings: { fontWeight: "650" },
  fontSizes: { md: "0.9375rem" },
  cursorType: "pointer",
  components: {
    // Mantine's asterisk is a text node inside <label>, so a test looking for the label "Пароль"
    // exactly would not find "Пароль *". global.css draws the asterisk outside the accessible text.
    InputWrapper: { defaultProps: { withAsterisk: false } },
    Table: { defaultProps: { fz: "sm" } },
    Tooltip: { defaultProps: { openDelay: 400 } },
    Modal: { defaultProps: { centered: true } },
    Button: { defaultProps: { fw: 500 } },
  },
});
