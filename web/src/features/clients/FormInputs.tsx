import { Paper, TextInput, ThemeIcon, Title, Tooltip } from "@mantine/core";
import { IconCheck } from "@tabler/icons-react";
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import type { CompanyFormValues, RequisiteField } from "./companyForm";

/** Hints go under the field, so fields with and without one stay aligned in a row. */
export const WRAPPER_ORDER: ("label" | "input" | "description" | "error")[] = [
  "label",
  "input",
  "description",
  "error",
];

export type FieldApi = {
  values: CompanyFormValues;
  set: <K extends keyof CompanyFormValues>(key: K, value: CompanyFormValues[K]) => void;
  /** The message to show under a field now (live check after typing in full or leaving it, or the server's). */
  error: (key: string) => string | undefined;
  blur: (key: string) => void;
  /** A requisite typed in full that passed its check. */
  valid: (key: RequisiteField) => boolean;
};

export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={id}>
      <Title order={2} fz="md" fw={600} mb="md" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

const MAX_LENGTH: Record<RequisiteField, number> = {
  inn: 14,
  kpp: 9,
  ogrn: 17,
  bik: 11,
  account: 25,
  corrAccount: 25,
};

export function RequisiteInput({
  api,
  field,
  label,
  description,
  autoFocus,
  required,
}: {
  api: FieldApi;
  field: RequisiteField;
  label: string;
  description?: string;
  autoFocus?: boolean;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const valid = api.valid(field);
  return (
    <TextInput
      id={`company-${field}`}
      label={label}
      description={description}
      inputWrapperOrder={WRAPPER_ORDER}
      value={api.values[field]}
      onChange={(event) => api.set(field, event.currentTarget.value)}
      onBlur={() => api.blur(field)}
      error={api.error(field)}
      inputMode={field === "kpp" ? "text" : "numeric"}
      autoComplete="off"
      maxLength={MAX_LENGTH[field]}
      autoFocus={autoFocus}
      required={required}
      styles={{ input: { fontVariantNumeric: "tabular-nums", letterSpacing: "0.02em" } }}
      rightSection={
        valid ? (
          <Tooltip label={t(`company.valid.${field}`)} withArrow>
            <ThemeIcon
              size={20}
              radius="xl"
              color="teal"
              variant="light"
              role="img"
              aria-label={t(`company.valid.${field}`)}
            >
              <IconCheck size={13} aria-hidden />
            </ThemeIcon>
          </Tooltip>
        ) : undefined
      }
    />
  );
}

export function PlainInput({
  api,
  field,
  label,
  placeholder,
  description,
  required,
}: {
  api: FieldApi;
  field:
    | "name"
    | "fullName"
    | "bankName"
    | "website"
    | "industry"
    | "region"
    | "city"
    | "segment"
    | "source"
    | "tags";
  label: string;
  placeholder?: string;
  description?: string;
  required?: boolean;
}) {
  return (
    <TextInput
      id={`company-${field}`}
      label={label}
      placeholder={placeholder}
      description={description}
      inputWrapperOrder={WRAPPER_ORDER}
      value={api.values[field]}
      onChange={(event) => api.set(field, event.currentTarget.value)}
      onBlur={() => api.blur(field)}
      error={api.error(field)}
      required={required}
      maxLength={
        field === "fullName"
          ? 500
          : field === "name" || field === "bankName" || field === "website"
            ? 300
            : undefined
      }
    />
  );
}
