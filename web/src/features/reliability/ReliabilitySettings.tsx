import {
  Alert,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReliabilitySettings as Settings } from "../../../../contracts/reliability";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SectionCard } from "../../components/SectionCard";
import { fieldErrorsOf } from "../../lib/api";
import {
  useRegistrySettings,
  useReliabilitySettings,
  useSaveRegistrySettings,
  useSaveReliabilitySettings,
  useTestRegistry,
} from "./hooks";

function RegistrySection() {
  const { t } = useTranslation();
  const current = useRegistrySettings();
  const save = useSaveRegistrySettings();
  const test = useTestRegistry();
  const [baseUrl, setBaseUrl] = useState("");
  const [token, setToken] = useState("");
  useEffect(() => {
    if (current.data) setBaseUrl(current.data.baseUrl ?? "");
  }, [current.data]);
  const errors = fieldErrorsOf(save.error);
  return (
    <SectionCard
      title={t("reliability.settings.registryTitle")}
      description={t("reliability.settings.registryText")}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            { baseUrl: baseUrl.trim() || null, ...(token.trim() ? { token: token.trim() } : {}) },
            {
              onSuccess: () => {
                setToken("");
                notifications.show({ color: "green", message: t("reliability.settings.saved") });
              },
            },
          );
        }}
      >
        <Stack>
          {current.data && (
            <Text size="sm" c="dimmed">
              {t(`reliability.settings.source.${current.data.source}`)}
            </Text>
          )}
          <TextInput
            label={t("reliability.settings.baseUrl")}
            value={baseUrl}
            onChange={(e) => setBaseUrl(e.currentTarget.value)}
            error={errors.baseUrl}
            placeholder="https://suggestions.dadata.ru"
            autoFocus
          />
          <PasswordInput
            label={t("reliability.settings.token")}
            description={
              current.data?.tokenSet
                ? t("reliability.settings.tokenSet")
                : t("reliability.settings.tokenUnset")
            }
            value={token}
            onChange={(e) => setToken(e.currentTarget.value)}
            error={errors.token}
            autoComplete="off"
          />
          <ErrorAlert error={Object.keys(errors).length ? null : save.error} />
          {test.data && (
            <Alert color={test.data.ok ? "green" : "orange"} variant="light" role="status">
              {test.data.ok
                ? t("reliability.settings.testOk", { ms: test.data.ms })
                : t("reliability.settings.testFail", {
                    error: t(`reliability.registry.errors.${test.data.error ?? "unavailable"}`, {
                      date: "—",
                    }),
                  })}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t("reliability.settings.save")}
            </Button>
            <Button variant="default" onClick={() => test.mutate()} loading={test.isPending}>
              {t("reliability.settings.test")}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}

const GRADES = ["A", "B", "C", "D"] as const;

function WeightsSection() {
  const { t } = useTranslation();
  const current = useReliabilitySettings();
  const save = useSaveReliabilitySettings();
  const [s, setS] = useState<Settings | null>(null);
  useEffect(() => {
    if (current.data) setS(current.data);
  }, [current.data]);
  if (!s) return <ErrorAlert error={current.error} />;
  const num = (v: string | number) => (typeof v === "number" ? v : Number(v) || 0);
  const errors = fieldErrorsOf(save.error);
  return (
    <SectionCard
      title={t("reliability.settings.weightsTitle")}
      description={t("reliability.settings.weightsText")}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(s, {
            onSuccess: () => notifications.show({ color: "green", message: t("reliability.settings.saved") }),
          });
        }}
      >
        <Stack>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            {(["registry", "age", "models", "payment"] as const).map((f) => (
              <NumberInput
                key={f}
                label={t("reliability.settings.weight", { name: t(`reliability.factorNames.${f}`) })}
                min={0}
                max={100}
                value={s.weights[f]}
                onChange={(v) => setS({ ...s, weights: { ...s.weights, [f]: num(v) } })}
              />
            ))}
            {(["A", "B", "C"] as const).map((g) => (
              <NumberInput
                key={g}
                label={t("reliability.settings.threshold", { grade: g })}
                min={0}
                max={100}
                value={s.thresholds[g]}
                onChange={(v) => setS({ ...s, thresholds: { ...s.thresholds, [g]: num(v) } })}
              />
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            {(["revenueShare", "equityShare", "historyMonths"] as const).map((k) => (
              <TextInput
                key={k}
                label={t(`reliability.settings.${k}`)}
                value={s.limit[k]}
                error={errors[`limit.${k}`]}
                onChange={(e) => setS({ ...s, limit: { ...s.limit, [k]: e.currentTarget.value } })}
              />
            ))}
            <TextInput
              label={t("reliability.settings.max")}
              value={s.limit.max}
              error={errors["limit.max"]}
              onChange={(e) => setS({ ...s, limit: { ...s.limit, max: e.currentTarget.value } })}
            />
            {GRADES.map((g) => (
              <TextInput
                key={g}
                label={t("reliability.settings.gradeFactor", { grade: g })}
                value={s.limit.gradeFactor[g]}
                error={errors[`limit.gradeFactor.${g}`]}
                onChange={(e) =>
                  setS({
                    ...s,
                    limit: {
                      ...s.limit,
                      gradeFactor: { ...s.limit.gradeFactor, [g]: e.currentTarget.value },
                    },
                  })
                }
              />
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <NativeSelect
              label={t("reliability.settings.igeaK1")}
              value={s.igeaK1}
              onChange={(e) => setS({ ...s, igeaK1: e.currentTarget.value as Settings["igeaK1"] })}
              data={[
                { value: "netWorkingCapital", label: t("reliability.settings.igeaNet") },
                { value: "currentAssets", label: t("reliability.settings.igeaCurrent") },
              ]}
            />
            <NumberInput
              label={t("reliability.settings.recheckDays")}
              min={1}
              max={365}
              value={s.recheckDays}
              onChange={(v) => setS({ ...s, recheckDays: num(v) })}
            />
            <NumberInput
              label={t("reliability.settings.registryRps")}
              min={1}
              max={100}
              value={s.registryRps}
              onChange={(v) => setS({ ...s, registryRps: num(v) })}
            />
          </SimpleGrid>
          <ErrorAlert error={Object.keys(errors).length ? null : save.error} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t("reliability.settings.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}

/** Settings → Reliability (admin): the registry connection and the grade rule. */
export function ReliabilitySettingsSection() {
  return (
    <Stack gap="lg">
      <RegistrySection />
      <WeightsSection />
    </Stack>
  );
}
