import { Button, CloseButton, Stack, TextInput } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

export type MultiValueInputProps = {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  addLabel: string;
  /** Error text by index. */
  errors?: Record<number, string | undefined>;
  type?: "tel" | "email";
  placeholder?: string;
  onBlur?: (index: number) => void;
  max?: number;
};

/**
 * Several phones or e-mails, one field each: a person sees and fixes each number on its own,
 * and the error lands on the one that is wrong.
 */
export function MultiValueInput({
  label,
  values,
  onChange,
  addLabel,
  errors,
  type,
  placeholder,
  onBlur,
  max = 20,
}: MultiValueInputProps) {
  const { t } = useTranslation();
  const list = values.length ? values : [""];
  const set = (index: number, value: string) => onChange(list.map((v, i) => (i === index ? value : v)));
  const remove = (index: number) => onChange(list.filter((_, i) => i !== index));
  return (
    <Stack gap={6}>
      {list.map((value, index) => (
        <TextInput
          // biome-ignore lint/suspicious/noArrayIndexKey: the fields are positional; a value can repeat while typed.
          key={index}
          label={index === 0 ? label : undefined}
          aria-label={index === 0 ? undefined : `${label} ${index + 1}`}
          type={type}
          value={value}
          placeholder={placeholder}
          error={errors?.[index]}
          onChange={(event) => set(index, event.currentTarget.value)}
          onBlur={() => onBlur?.(index)}
          rightSection={
            list.length > 1 || value ? (
              <CloseButton
                size="sm"
                aria-label={t("company.form.removeValue", { value: value || `${label} ${index + 1}` })}
                onClick={() => (list.length > 1 ? remove(index) : set(index, ""))}
              />
            ) : undefined
          }
        />
      ))}
      {list.length < max && (
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onChange([...list, ""])}
          style={{ alignSelf: "flex-start" }}
        >
          {addLabel}
        </Button>
      )}
    </Stack>
  );
}
